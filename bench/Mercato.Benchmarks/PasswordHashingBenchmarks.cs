using BenchmarkDotNet.Attributes;
using Mercato.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mercato.Benchmarks;

/// <summary>
/// What one sign-in costs in CPU: Identity's PBKDF2-HMAC-SHA512 verification at Mercato's default
/// (210,000 iterations, OWASP) against the framework default (100,000).
/// </summary>
[MemoryDiagnoser]
public class PasswordHashingBenchmarks
{
    private const string Password = "Secure-Pass123";
    private readonly User _user = new();
    private PasswordHasher<User> _hasher = null!;
    private string _hash = string.Empty;

    /// <summary>PBKDF2 iterations.</summary>
    [Params(100_000, 210_000)]
    public int Iterations { get; set; }

    /// <summary>Builds a hasher and a stored hash.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));
        _hash = _hasher.HashPassword(_user, Password);
    }

    /// <summary>One password check (a sign-in).</summary>
    [Benchmark]
    public PasswordVerificationResult Verify() => _hasher.VerifyHashedPassword(_user, _hash, Password);
}
