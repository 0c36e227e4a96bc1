using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LogGuard.Data.Postgres.Migrations
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "challenger_version",
                table: "prediction_logs",
                type: "character varying(128)",
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
