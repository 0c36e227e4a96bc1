using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LogGuard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_window_end",
                table: "system_state",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "memory",
                table: "system_state",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "open_incident_id",
                table: "system_state",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "baseline_metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    model_version = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sample_size = table.Column<long>(type: "INTEGER", nullable: false),
                    period_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateTime>(type: "TEXT", nullable: false),
                    origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    mean_confidence = table.Column<double>(type: "REAL", nullable: false),
                    low_confidence_rate = table.Column<double>(type: "REAL", nullable: false),
                    positive_rate = table.Column<double>(type: "REAL", nullable: false),
                    oov_rate = table.Column<double>(type: "REAL", nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baseline_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    detected_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    trigger_signals = table.Column<string>(type: "TEXT", nullable: false),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    fallback_activated = table.Column<bool>(type: "INTEGER", nullable: false),
                    resolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    acknowledged_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "system_state_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    from_state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    to_state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    is_recovery = table.Column<bool>(type: "INTEGER", nullable: false),
                    window_metrics_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_system_state_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "window_metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    window_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    window_end = table.Column<DateTime>(type: "TEXT", nullable: false),
                    prediction_count = table.Column<long>(type: "INTEGER", nullable: false),
                    baseline_id = table.Column<long>(type: "INTEGER", nullable: true),
                    severity = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    signals = table.Column<string>(type: "TEXT", nullable: false),
                    state_before = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    state_after = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_window_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incident_explanations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    incident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    generated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: false),
                    recommendations = table.Column<string>(type: "TEXT", nullable: false),
                    explainer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_explanations", x => x.id);
                    table.ForeignKey(
                        name: "FK_incident_explanations_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "system_state",
                keyColumn: "id",
                keyValue: 1,
                columns: new[] { "last_window_end", "memory", "open_incident_id" },
                values: new object[] { null, "", null });

            migrationBuilder.CreateIndex(
                name: "ix_baseline_metrics_model_version",
                table: "baseline_metrics",
                columns: new[] { "model_version", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incident_explanations_incident_id",
                table: "incident_explanations",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_window_metrics_run_at",
                table: "window_metrics",
                column: "run_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "baseline_metrics");

            migrationBuilder.DropTable(
                name: "incident_explanations");

            migrationBuilder.DropTable(
                name: "system_state_history");

            migrationBuilder.DropTable(
                name: "window_metrics");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropColumn(
                name: "last_window_end",
                table: "system_state");

            migrationBuilder.DropColumn(
                name: "memory",
                table: "system_state");

            migrationBuilder.DropColumn(
                name: "open_incident_id",
                table: "system_state");
        }
    }
}
