namespace Mercato.Platform.Hosting;

/// <summary>
/// Settings that can say what is wrong with them. Registered with
/// <see cref="ValidatedOptions.AddValidatedOptions{TOptions}"/>, they are checked when the server
/// starts, and each problem stops the start as one line naming the setting (exit code 2).
/// </summary>
public interface IValidatedOptions
{
    /// <summary>What is wrong, one sentence per problem naming the setting's full key (<c>Cart:SweepInterval must be positive</c>); empty when all is well.</summary>
    IEnumerable<string> Problems();
}
