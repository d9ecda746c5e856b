using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ProductListCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_list_counts",
                columns: table => new
                {
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Available = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_list_counts", x => new { x.CategoryId, x.Available });
                });

            // The shown (not deleted) products per category and availability, kept by the
            // trigger below in the statement that changes a product (see ProductListCount).
            migrationBuilder.Sql("""
                INSERT INTO catalog_list_counts ("CategoryId", "Available", "Count")
                SELECT "CategoryId", "Available", COUNT(*) FROM catalog_products WHERE NOT "IsDeleted"
                GROUP BY "CategoryId", "Available";
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION catalog_list_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD."IsDeleted" THEN
                        UPDATE catalog_list_counts SET "Count" = "Count" - 1
                        WHERE "CategoryId" = OLD."CategoryId" AND "Available" = OLD."Available";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW."IsDeleted" THEN
                        INSERT INTO catalog_list_counts ("CategoryId", "Available", "Count") VALUES (NEW."CategoryId", NEW."Available", 1)
                        ON CONFLICT ("CategoryId", "Available") DO UPDATE SET "Count" = catalog_list_counts."Count" + 1;
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_list_counts_insert_delete AFTER INSERT OR DELETE ON catalog_products
                FOR EACH ROW EXECUTE FUNCTION catalog_list_counts_apply();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_list_counts_update AFTER UPDATE OF "CategoryId", "Available", "IsDeleted" ON catalog_products
                FOR EACH ROW WHEN (OLD."CategoryId" IS DISTINCT FROM NEW."CategoryId" OR OLD."Available" IS DISTINCT FROM NEW."Available"
                    OR OLD."IsDeleted" IS DISTINCT FROM NEW."IsDeleted")
                EXECUTE FUNCTION catalog_list_counts_apply();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_list_counts_update ON catalog_products;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_list_counts_insert_delete ON catalog_products;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS catalog_list_counts_apply();");
            migrationBuilder.DropTable(
                name: "catalog_list_counts");
        }
    }
}
