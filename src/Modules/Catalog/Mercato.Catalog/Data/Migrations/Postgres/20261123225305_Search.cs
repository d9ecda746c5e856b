using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (see Search/ProductSearch.cs): a stored generated tsvector with
            // weights A name, B SKU and tags, C description, and a GIN index over it. The tags
            // go through an IMMUTABLE wrapper because array_to_string itself is only STABLE.
            migrationBuilder.Sql("""
                CREATE FUNCTION catalog_tags_text(tags text[]) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT coalesce(array_to_string(tags, ' '), '') $$;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE catalog_products ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce("Name", '')), 'A') ||
                    setweight(to_tsvector('english', coalesce("Sku", '') || ' ' || catalog_tags_text("Tags")), 'B') ||
                    setweight(to_tsvector('english', coalesce("Description", '')), 'C')
                ) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX \"IX_catalog_products_search_vector\" ON catalog_products USING GIN (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_catalog_products_search_vector\";");
            migrationBuilder.Sql("ALTER TABLE catalog_products DROP COLUMN IF EXISTS search_vector;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS catalog_tags_text(text[]);");
        }
    }
}
