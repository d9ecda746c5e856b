using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SearchChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_catalog_products_changes",
                table: "catalog_products",
                columns: new[] { "UpdatedAt", "Id", "Version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_catalog_products_changes",
                table: "catalog_products");
        }
    }
}
