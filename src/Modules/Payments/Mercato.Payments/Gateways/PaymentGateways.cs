namespace Mercato.Payments.Gateways;

/// <summary>The enabled gateways by name.</summary>
internal sealed class PaymentGateways(IEnumerable<IPaymentGateway> gateways)
{
    private readonly Dictionary<string, IPaymentGateway> _byName = gateways.ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The enabled gateways' names.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Every enabled gateway.</summary>
    public IEnumerable<IPaymentGateway> All => _byName.Values;

    /// <summary>The gateway named <paramref name="name"/>, or null when none is enabled by that name.</summary>
    public IPaymentGateway? Find(string? name) => name is not null && _byName.TryGetValue(name, out var gateway) ? gateway : null;

    /// <summary>The gateway named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">None is enabled by that name (a payment recorded under a gateway since turned off).</exception>
    public IPaymentGateway Get(string name) => Find(name) ?? throw new InvalidOperationException($"The payment gateway '{name}' is not enabled.");
}
