using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LogGuard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "baseline_metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    model_version = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sample_size = table.Column<long>(type: "bigint", nullable: false),
                    period_start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    period_end = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mean_confidence = table.Column<double>(type: "double precision", nullable: false),
                    low_confidence_rate = table.Column<double>(type: "double precision", nullable: false),
                    positive_rate = table.Column<double>(type: "double precision", nullable: false),
                    oov_rate = table.Column<double>(type: "double precision", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baseline_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    detected_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    trigger_signals = table.Column<string>(type: "text", nullable: false),
                    decision_reason = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    fallback_activated = table.Column<bool>(type: "boolean", nullable: false),
                    resolved = table.Column<bool>(type: "boolean", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prediction_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    model_version = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    rules_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    system_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    fallback_used = table.Column<bool>(type: "boolean", nullable: false),
                    label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    model_probability = table.Column<double>(type: "double precision", nullable: true),
                    rule_score = table.Column<double>(type: "double precision", nullable: false),
                    triggered_rule_ids = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    needs_review = table.Column<bool>(type: "boolean", nullable: false),
                    line_length = table.Column<int>(type: "integer", nullable: false),
                    token_count = table.Column<int>(type: "integer", nullable: false),
                    oov_token_count = table.Column<int>(type: "integer", nullable: false),
                    format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    input_summary = table.Column<string>(type: "jsonb", nullable: false),
                    raw_line = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prediction_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "request_rejections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    bucket_start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_rejections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "system_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    memory = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    last_window_end = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    open_incident_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_system_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "system_state_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    from_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    is_recovery = table.Column<bool>(type: "boolean", nullable: false),
                    window_metrics_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_system_state_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "window_metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    window_start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    prediction_count = table.Column<long>(type: "bigint", nullable: false),
                    baseline_id = table.Column<long>(type: "bigint", nullable: true),
                    severity = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    signals = table.Column<string>(type: "text", nullable: false),
                    state_before = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state_after = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_window_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incident_explanations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    incident_id = table.Column<long>(type: "bigint", nullable: false),
                    generated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    recommendations = table.Column<string>(type: "text", nullable: false),
                    explainer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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

            migrationBuilder.InsertData(
                table: "system_state",
                columns: new[] { "id", "last_window_end", "memory", "open_incident_id", "reason", "since", "state" },
                values: new object[] { 1, null, "", null, "initial state", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "NORMAL" });

            migrationBuilder.CreateIndex(
                name: "ix_baseline_metrics_model_version",
                table: "baseline_metrics",
                columns: new[] { "model_version", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incident_explanations_incident_id",
                table: "incident_explanations",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_prediction_logs_timestamp",
                table: "prediction_logs",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ux_request_rejections_bucket_reason",
                table: "request_rejections",
                columns: new[] { "bucket_start", "reason" },
                unique: true);

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
                name: "prediction_logs");

            migrationBuilder.DropTable(
                name: "request_rejections");

            migrationBuilder.DropTable(
                name: "system_state");

            migrationBuilder.DropTable(
                name: "system_state_history");

            migrationBuilder.DropTable(
                name: "window_metrics");

            migrationBuilder.DropTable(
                name: "incidents");
        }
    }
}
