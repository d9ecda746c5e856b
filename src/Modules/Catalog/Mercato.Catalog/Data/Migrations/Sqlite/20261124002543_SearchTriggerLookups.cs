using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SearchTriggerLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The Search migration's update and delete triggers found a product's FTS5 row by
            // product_id, an UNINDEXED column: a scan of the whole FTS table (about 30 ms per
            // product write with 100,000 products). FTS5 rows are found fast only by rowid, and
            // catalog_products' own rowid may change on VACUUM (its key is a TEXT id), so a small
            // table keeps each product's FTS5 rowid under a unique index of the product id.
            migrationBuilder.Sql("""
                CREATE TABLE catalog_products_fts_keys (
                    fts_rowid INTEGER PRIMARY KEY,
                    product_id TEXT NOT NULL UNIQUE);
                """);
            migrationBuilder.Sql("""
                INSERT INTO catalog_products_fts_keys (fts_rowid, product_id)
                SELECT rowid, product_id FROM catalog_products_fts;
                """);
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_products_fts_insert AFTER INSERT ON catalog_products BEGIN
                    INSERT INTO catalog_products_fts_keys (product_id) VALUES (new."Id");
                    INSERT INTO catalog_products_fts (rowid, product_id, name, sku, tags, description)
                    VALUES ((SELECT fts_rowid FROM catalog_products_fts_keys WHERE product_id = new."Id"),
                            new."Id", new."Name", new."Sku", new."Tags", new."Description");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_products_fts_update AFTER UPDATE OF "Name", "Sku", "Tags", "Description" ON catalog_products BEGIN
                    UPDATE catalog_products_fts
                    SET name = new."Name", sku = new."Sku", tags = new."Tags", description = new."Description"
                    WHERE rowid = (SELECT fts_rowid FROM catalog_products_fts_keys WHERE product_id = new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_products_fts_delete AFTER DELETE ON catalog_products BEGIN
                    DELETE FROM catalog_products_fts
                    WHERE rowid = (SELECT fts_rowid FROM catalog_products_fts_keys WHERE product_id = old."Id");
                    DELETE FROM catalog_products_fts_keys WHERE product_id = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
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
            migrationBuilder.Sql("DROP TABLE IF EXISTS catalog_products_fts_keys;");
        }

        private static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_products_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_products_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_products_fts_insert;");
        }
    }
}
