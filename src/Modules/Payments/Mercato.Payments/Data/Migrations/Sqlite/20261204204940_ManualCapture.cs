using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Payments.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "AuthorizedCents",
                table: "sandbox_charges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "CaptureKey",
                table: "sandbox_charges",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ManualCapture",
                table: "sandbox_charges",
                type: "INTEGER",
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
