using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mercato.Platform.Telemetry;

/// <summary>Console logs (see <see cref="ConsoleLogFormat"/>) and OpenTelemetry traces, metrics and logs (OTLP when configured).</summary>
public static class TelemetrySetup
{
    /// <summary>The activity source and meter name shared by Mercato's own instrumentation.</summary>
    public const string SourceName = "Mercato";

    private static readonly string ServiceVersion =
        typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Registers logging and telemetry.</summary>
    public static IHostApplicationBuilder AddMercatoTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.ClearProviders();
        switch (ConsoleLogFormat.Choose(builder.Configuration[ConsoleLogFormat.SettingKey], Console.IsOutputRedirected))
        {
            case ConsoleLogFormat.Json:
                builder.Logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                });
                break;
            case ConsoleLogFormat.Simple:
                builder.Logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                });
                break;
            default:
                // Another formatter by name (e.g. systemd), configured under Logging:Console.
                builder.Logging.AddConsole();
                break;
        }

        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });

        // OTEL_SERVICE_NAME, when set, names the service; otherwise it is named after its modules.
        var namedByEnvironment = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                if (!namedByEnvironment)
                {
                    r.AddService(serviceName, serviceNamespace: SourceName.ToLowerInvariant(), serviceVersion: ServiceVersion);
                }
            })
            .WithTracing(t => t
                .AddSource(SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        // UseOtlpExporter reads the standard OTEL_EXPORTER_OTLP_* settings (endpoint, protocol,
        // headers) and OTEL_BSP_*, OTEL_BLRP_* and OTEL_METRIC_EXPORT_* from configuration, so
        // environment variables configure every signal.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
