using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace LogGuard.Core.Detection.Model;

/// <summary>A PredictionEngine is not thread-safe; the pool lends each thread its own.</summary>
internal sealed class PredictionEnginePolicy(MLContext context, ITransformer model)
    : IPooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
{
    public PredictionEngine<ModelInput, ModelOutput> Create() =>
        context.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model);

    public bool Return(PredictionEngine<ModelInput, ModelOutput> obj) => true;
}
