namespace Mercato.Messaging.Operations;

/// <summary>What an operations command did.</summary>
/// <param name="Count">How many rows or messages it replayed or discarded.</param>
public sealed record OperationResponse(int Count);
