using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (see Search/ProductSearch.cs): an FTS5 index of name, SKU, tags
            // (the JSON text; the tokenizer drops its punctuation) and description, kept in step
            // with catalog_products by triggers. Porter stemming on top of unicode61.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE catalog_products_fts USING fts5(
                    product_id UNINDEXED, name, sku, tags, description,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO catalog_products_fts (product_id, name, sku, tags, description)
                SELECT "Id", "Name", "Sku", "Tags", "Description" FROM catalog_products;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_products_fts_insert AFTER INSERT ON catalog_products BEGIN
                    INSERT INTO catalog_products_fts (product_id, name, sku, tags, description)
                    VALUES (new."Id", new."Name", new."Sku", new."Tags", new."Description");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_products_fts_update AFTER UPDATE OF "Name", "Sku", "Tags", "Description" ON catalog_products BEGIN
                    UPDATE catalog_products_fts
                    SET name = new."Name", sku = new."Sku", tags = new."Tags", description = new."Description"
                    WHERE product_id = new."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_products_fts_delete AFTER DELETE ON catalog_products BEGIN
                    DELETE FROM catalog_products_fts WHERE product_id = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_products_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_products_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_products_fts_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS catalog_products_fts;");
        }
    }
}
