namespace LogGuard.Core.Detection.Preprocessing;

public enum LogFormat
{
    Other,
    WebAccess,
    Syslog,
    Json,
    KeyValue,
}
