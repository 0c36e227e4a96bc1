using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace LogGuard.Api.Infrastructure;

/// <summary>Marks an endpoint whose handler reads a JSON body itself, for the OpenAPI document only.</summary>
/// <remarks>Accepts() would also make routing refuse other content types with a bare 415, before the handler can explain and count it.</remarks>
public sealed record JsonBodyDocumentation(Type BodyType);

internal sealed class JsonBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var body = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<JsonBodyDocumentation>().FirstOrDefault();
        if (body is null)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(body.BodyType, context.SchemaRepository) },
            },
        };
    }
}
