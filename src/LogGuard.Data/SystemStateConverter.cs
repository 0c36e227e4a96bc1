using LogGuard.Core.Monitoring;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LogGuard.Data;

internal sealed class SystemStateConverter() : ValueConverter<SystemState, string>(
    state => state.Name(),
    name => SystemStateNames.Parse(name));
