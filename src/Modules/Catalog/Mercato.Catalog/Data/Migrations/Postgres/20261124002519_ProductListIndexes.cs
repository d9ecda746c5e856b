using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ProductListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_catalog_products_CategoryId_PriceCents",
                table: "catalog_products");

            migrationBuilder.DropIndex(
                name: "IX_catalog_products_PriceCents",
                table: "catalog_products");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_products_list_category",
                table: "catalog_products",
                columns: new[] { "CategoryId", "Available", "PriceCents", "IsDeleted", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_products_list_price",
                table: "catalog_products",
                columns: new[] { "Available", "PriceCents", "IsDeleted", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_catalog_products_list_category",
                table: "catalog_products");

            migrationBuilder.DropIndex(
                name: "IX_catalog_products_list_price",
                table: "catalog_products");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_products_CategoryId_PriceCents",
                table: "catalog_products",
                columns: new[] { "CategoryId", "PriceCents" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_products_PriceCents",
                table: "catalog_products",
                column: "PriceCents");
        }
    }
}
