using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Ordering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OrderAuthorizedPayment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorizedPaymentIntent",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthorizedPaymentIntent",
                table: "ordering_orders");
        }
    }
}
