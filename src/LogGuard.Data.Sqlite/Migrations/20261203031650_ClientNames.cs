using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LogGuard.Data.Sqlite.Migrations
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
                type: "TEXT",
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
