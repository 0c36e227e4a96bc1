using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LogGuard.Data.Postgres.Migrations
{
    /// <summary>
    /// The tables of Quartz's clustered job store, so that several instances on one database run the monitor once
    /// per interval. Quartz's own schema, frozen with the version it came from; a later Quartz that needs more
    /// gets a migration of its own.
    /// </summary>
    public partial class QuartzScheduler : Migration
    {
        private const string Script = "LogGuard.Data.Postgres.Migrations.Sql.quartz-4.7-postgres.sql";

        private static readonly string[] Tables =
        [
            "qrtz_job_status", "qrtz_misfire_history", "qrtz_execution_history", "qrtz_locks", "qrtz_scheduler_state",
            "qrtz_fired_triggers", "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_calendars", "qrtz_blob_triggers",
            "qrtz_simprop_triggers", "qrtz_cron_triggers", "qrtz_simple_triggers", "qrtz_triggers", "qrtz_job_details",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            using var stream = typeof(QuartzScheduler).Assembly.GetManifestResourceStream(Script)
                ?? throw new InvalidOperationException($"The migration script '{Script}' is not embedded.");
            using var reader = new StreamReader(stream);
            var statements = reader.ReadToEnd()
                .Split("\n--;;\n", StringSplitOptions.TrimEntries)
                .Where(statement => statement.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
            foreach (var statement in statements)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE;");
            }
        }
    }
}
