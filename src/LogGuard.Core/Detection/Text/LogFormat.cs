namespace LogGuard.Core.Detection.Text;

public enum LogFormat
{
    Other,
    WebAccess,
    Syslog,
    Json,
    KeyValue,
}
