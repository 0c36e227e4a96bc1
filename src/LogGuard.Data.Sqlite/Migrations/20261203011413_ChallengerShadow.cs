using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LogGuard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChallengerShadow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "challenger_probability",
                table: "prediction_logs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "challenger_version",
                table: "prediction_logs",
                type: "TEXT",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "challenger_probability",
                table: "prediction_logs");

            migrationBuilder.DropColumn(
                name: "challenger_version",
                table: "prediction_logs");
        }
    }
}
