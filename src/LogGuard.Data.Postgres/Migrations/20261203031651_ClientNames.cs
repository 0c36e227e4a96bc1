using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LogGuard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClientNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_name",
                table: "prediction_logs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "client_name",
                table: "prediction_logs");
        }
    }
}
