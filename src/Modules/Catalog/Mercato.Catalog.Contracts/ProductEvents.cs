using Mercato.Messaging.Events;

namespace Mercato.Catalog.Contracts;

/// <summary>A product was added to the catalog.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Name">Its name.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Price">What a shopper pays.</param>
/// <param name="CompareAtPrice">The list price, if any.</param>
/// <param name="Available">Whether it is published.</param>
[EventName("catalog.product-created.v1")]
public sealed record ProductCreated(Guid ProductId, string Name, string Sku, decimal Price, decimal? CompareAtPrice, bool Available) : IntegrationEvent;

/// <summary>A product changed; <paramref name="PreviousPrice"/> differs from <paramref name="Price"/> when its price changed.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Name">Its name now.</param>
/// <param name="Sku">Its SKU now.</param>
/// <param name="Price">What a shopper pays now.</param>
/// <param name="PreviousPrice">What a shopper paid before the change.</param>
/// <param name="CompareAtPrice">The list price now, if any.</param>
/// <param name="Available">Whether it is published now.</param>
[EventName("catalog.product-updated.v1")]
public sealed record ProductUpdated(Guid ProductId, string Name, string Sku, decimal Price, decimal PreviousPrice, decimal? CompareAtPrice, bool Available) : IntegrationEvent;

/// <summary>A product was removed from the shop (old orders keep their snapshot).</summary>
/// <param name="ProductId">The product.</param>
[EventName("catalog.product-deleted.v1")]
public sealed record ProductDeleted(Guid ProductId) : IntegrationEvent;
