using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Catalog.Data.Migrations.Sqlite
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
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Available = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_list_counts", x => new { x.CategoryId, x.Available });
                });

            // The shown (not deleted) products per category and availability, kept by the
            // triggers below in the statement that changes a product (see ProductListCount).
            migrationBuilder.Sql("""
                INSERT INTO catalog_list_counts ("CategoryId", "Available", "Count")
                SELECT "CategoryId", "Available", COUNT(*) FROM catalog_products WHERE NOT "IsDeleted"
                GROUP BY "CategoryId", "Available";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_list_counts_insert AFTER INSERT ON catalog_products WHEN NOT new."IsDeleted" BEGIN
                    INSERT INTO catalog_list_counts ("CategoryId", "Available", "Count") VALUES (new."CategoryId", new."Available", 1)
                    ON CONFLICT ("CategoryId", "Available") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_list_counts_delete AFTER DELETE ON catalog_products WHEN NOT old."IsDeleted" BEGIN
                    UPDATE catalog_list_counts SET "Count" = "Count" - 1
                    WHERE "CategoryId" = old."CategoryId" AND "Available" = old."Available";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_list_counts_update AFTER UPDATE OF "CategoryId", "Available", "IsDeleted" ON catalog_products
                WHEN old."CategoryId" IS NOT new."CategoryId" OR old."Available" IS NOT new."Available" OR old."IsDeleted" IS NOT new."IsDeleted"
                BEGIN
                    UPDATE catalog_list_counts SET "Count" = "Count" - 1
                    WHERE NOT old."IsDeleted" AND "CategoryId" = old."CategoryId" AND "Available" = old."Available";
                    INSERT INTO catalog_list_counts ("CategoryId", "Available", "Count")
                    SELECT new."CategoryId", new."Available", 1 WHERE NOT new."IsDeleted"
                    ON CONFLICT ("CategoryId", "Available") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_list_counts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_list_counts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_list_counts_insert;");
            migrationBuilder.DropTable(
                name: "catalog_list_counts");
        }
    }
}
