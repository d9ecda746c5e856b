using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Ordering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OrderCartVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CartId",
                table: "ordering_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CartVersion",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_CartId_CartVersion",
                table: "ordering_orders",
                columns: new[] { "CartId", "CartVersion" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_orders_CartId_CartVersion",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "CartId",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "CartVersion",
                table: "ordering_orders");
        }
    }
}
