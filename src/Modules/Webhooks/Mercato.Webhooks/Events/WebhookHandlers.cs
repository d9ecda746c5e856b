using Mercato.Catalog.Contracts;
using Mercato.Identity.Contracts;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Contracts;
using Mercato.Support.Contracts;
using Mercato.Webhooks.Deliveries;

namespace Mercato.Webhooks.Events;

// One named handler per integration event (the inbox records a consumer by its handler's type
// name); what each does is WebhookEventHandler's, with the mapping in WebhookEventMaps.

/// <summary>Fans <see cref="OrderPlaced"/> out to the subscribed endpoints.</summary>
internal sealed class OrderPlacedWebhooks(WebhookEventMap<OrderPlaced> map, DeliveryQueue queue) : WebhookEventHandler<OrderPlaced>(map, queue);

/// <summary>Fans <see cref="OrderPaid"/> out to the subscribed endpoints.</summary>
internal sealed class OrderPaidWebhooks(WebhookEventMap<OrderPaid> map, DeliveryQueue queue) : WebhookEventHandler<OrderPaid>(map, queue);

/// <summary>Fans <see cref="OrderShipped"/> out to the subscribed endpoints.</summary>
internal sealed class OrderShippedWebhooks(WebhookEventMap<OrderShipped> map, DeliveryQueue queue) : WebhookEventHandler<OrderShipped>(map, queue);

/// <summary>Fans <see cref="OrderDelivered"/> out to the subscribed endpoints.</summary>
internal sealed class OrderDeliveredWebhooks(WebhookEventMap<OrderDelivered> map, DeliveryQueue queue) : WebhookEventHandler<OrderDelivered>(map, queue);

/// <summary>Fans <see cref="OrderCancelled"/> out to the subscribed endpoints.</summary>
internal sealed class OrderCancelledWebhooks(WebhookEventMap<OrderCancelled> map, DeliveryQueue queue) : WebhookEventHandler<OrderCancelled>(map, queue);

/// <summary>Fans <see cref="PaymentSucceeded"/> out to the subscribed endpoints.</summary>
internal sealed class PaymentSucceededWebhooks(WebhookEventMap<PaymentSucceeded> map, DeliveryQueue queue) : WebhookEventHandler<PaymentSucceeded>(map, queue);

/// <summary>Fans <see cref="PaymentFailed"/> out to the subscribed endpoints.</summary>
internal sealed class PaymentFailedWebhooks(WebhookEventMap<PaymentFailed> map, DeliveryQueue queue) : WebhookEventHandler<PaymentFailed>(map, queue);

/// <summary>Fans <see cref="PaymentRefunded"/> out to the subscribed endpoints.</summary>
internal sealed class PaymentRefundedWebhooks(WebhookEventMap<PaymentRefunded> map, DeliveryQueue queue) : WebhookEventHandler<PaymentRefunded>(map, queue);

/// <summary>Fans <see cref="ProductCreated"/> out to the subscribed endpoints.</summary>
internal sealed class ProductCreatedWebhooks(WebhookEventMap<ProductCreated> map, DeliveryQueue queue) : WebhookEventHandler<ProductCreated>(map, queue);

/// <summary>Fans <see cref="ProductUpdated"/> out to the subscribed endpoints.</summary>
internal sealed class ProductUpdatedWebhooks(WebhookEventMap<ProductUpdated> map, DeliveryQueue queue) : WebhookEventHandler<ProductUpdated>(map, queue);

/// <summary>Fans <see cref="ProductDeleted"/> out to the subscribed endpoints.</summary>
internal sealed class ProductDeletedWebhooks(WebhookEventMap<ProductDeleted> map, DeliveryQueue queue) : WebhookEventHandler<ProductDeleted>(map, queue);

/// <summary>Fans <see cref="UserRegistered"/> out to the subscribed endpoints.</summary>
internal sealed class UserRegisteredWebhooks(WebhookEventMap<UserRegistered> map, DeliveryQueue queue) : WebhookEventHandler<UserRegistered>(map, queue);

/// <summary>Fans <see cref="UserProfileChanged"/> out to the subscribed endpoints.</summary>
internal sealed class UserProfileChangedWebhooks(WebhookEventMap<UserProfileChanged> map, DeliveryQueue queue) : WebhookEventHandler<UserProfileChanged>(map, queue);

/// <summary>Fans <see cref="SupportMessageCreated"/> out to the subscribed endpoints.</summary>
internal sealed class SupportMessageCreatedWebhooks(WebhookEventMap<SupportMessageCreated> map, DeliveryQueue queue) : WebhookEventHandler<SupportMessageCreated>(map, queue);
