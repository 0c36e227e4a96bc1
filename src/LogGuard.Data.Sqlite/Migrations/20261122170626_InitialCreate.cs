using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LogGuard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prediction_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    model_version = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    rules_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    system_state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    fallback_used = table.Column<bool>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    model_probability = table.Column<double>(type: "REAL", nullable: true),
                    rule_score = table.Column<double>(type: "REAL", nullable: false),
                    triggered_rule_ids = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    needs_review = table.Column<bool>(type: "INTEGER", nullable: false),
                    line_length = table.Column<int>(type: "INTEGER", nullable: false),
                    token_count = table.Column<int>(type: "INTEGER", nullable: false),
                    oov_token_count = table.Column<int>(type: "INTEGER", nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    input_summary = table.Column<string>(type: "TEXT", nullable: false),
                    raw_line = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prediction_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "request_rejections",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    bucket_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_rejections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "system_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_system_state", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "system_state",
                columns: new[] { "id", "reason", "since", "state" },
                values: new object[] { 1, "initial state", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "NORMAL" });

            migrationBuilder.CreateIndex(
                name: "ix_prediction_logs_timestamp",
                table: "prediction_logs",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ux_request_rejections_bucket_reason",
                table: "request_rejections",
                columns: new[] { "bucket_start", "reason" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prediction_logs");

            migrationBuilder.DropTable(
                name: "request_rejections");

            migrationBuilder.DropTable(
                name: "system_state");
        }
    }
}
