# syntax=docker/dockerfile:1
# The one Mercato image: every service runs it with a different --services (see deploy/).
#   docker build -t mercato:latest .
#   docker run --rm -p 8080:8080 mercato:latest                      # embedded: every module, SQLite
#   docker run --rm mercato:latest --services catalog                 # one service (configure it first)
#   docker run --rm mercato:latest migrate --services all             # migrate the databases and exit
# The build runs the same analyzers as CI (warnings are errors). global.json asks for SDK
# 10.0.401 or a later feature band; the sdk:10.0 image must carry such an SDK.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /source
# Only what the server's build reads: the solution-wide settings and the sources.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Mercato.Server/Mercato.Server.csproj \
        --configuration Release \
        --output /app \
        -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
# The data folder (SQLite files embedded; Identity's Data Protection key ring and the Catalog's
# search index in every mode) belongs to the image's non-root user.
RUN mkdir -p /var/lib/mercato && chown "$APP_UID" /var/lib/mercato && chmod 0700 /var/lib/mercato
COPY --from=build /app ./
ENV Urls=http://+:8080 \
    Persistence__DataDirectory=/var/lib/mercato \
    Logging__Console__FormatterName=json
USER $APP_UID
EXPOSE 8080
VOLUME ["/var/lib/mercato"]
# Compose uses this; Kubernetes uses its own probes (deploy/kubernetes). The runtime image has
# no curl, so bash speaks HTTP/1.1 to the server itself.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Mercato.Server.dll"]
