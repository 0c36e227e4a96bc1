using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LogGuard.Data;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => StoredInstant.Of(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
