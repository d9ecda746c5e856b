using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Payments.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ManualCapture : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ManualCapture",
                table: "sandbox_sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "AuthorizedCents",
                table: "sandbox_charges",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "CaptureKey",
                table: "sandbox_charges",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ManualCapture",
                table: "sandbox_charges",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ManualCapture",
                table: "sandbox_sessions");

            migrationBuilder.DropColumn(
                name: "AuthorizedCents",
                table: "sandbox_charges");

            migrationBuilder.DropColumn(
                name: "CaptureKey",
                table: "sandbox_charges");

            migrationBuilder.DropColumn(
                name: "ManualCapture",
                table: "sandbox_charges");
        }
    }
}
