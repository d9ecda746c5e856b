namespace Mercato.Web.Tests.Admin.Operations;

/// <summary>
/// The dashboard's operations classes share one <see cref="OperationsShop"/> (see
/// <see cref="Support.SharedWebShop"/>); they run one after another, so a test that compares the
/// overview's figures before and after its own order sees only its own change.
/// </summary>
[CollectionDefinition(nameof(SharedOperationsShop))]
public sealed class SharedOperationsShop : ICollectionFixture<OperationsShop>;
