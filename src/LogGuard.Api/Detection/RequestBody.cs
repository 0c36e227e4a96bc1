using System.Buffers;

namespace LogGuard.Api.Detection;

/// <summary>Reads a request body up to a limit, so an oversized body is refused without being held in memory.</summary>
internal static class RequestBody
{
    /// <returns>The body, decompressed, or null when it is longer than <paramref name="maxBytes"/>.</returns>
    /// <exception cref="BadHttpRequestException">The body does not decompress.</exception>
    public static async ValueTask<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new BadHttpRequestException($"The body does not decompress as its Content-Encoding says: {exception.Message}", exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        // With Content-Length known and no compression, the buffer was sized exactly: hand it over rather than copy it.
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
