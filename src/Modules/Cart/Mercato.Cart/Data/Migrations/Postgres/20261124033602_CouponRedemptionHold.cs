using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Cart.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class CouponRedemptionHold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "cart_coupon_redemptions",
                type: "timestamp with time zone",
                nullable: true);

            // Uses counted before the hold existed belong to orders placed back then: keep them.
            migrationBuilder.Sql("UPDATE cart_coupon_redemptions SET \"ConfirmedAt\" = \"RedeemedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_cart_coupon_redemptions_ConfirmedAt_RedeemedAt",
                table: "cart_coupon_redemptions",
                columns: new[] { "ConfirmedAt", "RedeemedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cart_coupon_redemptions_ConfirmedAt_RedeemedAt",
                table: "cart_coupon_redemptions");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "cart_coupon_redemptions");
        }
    }
}
