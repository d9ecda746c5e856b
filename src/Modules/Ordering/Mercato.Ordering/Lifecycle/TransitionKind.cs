namespace Mercato.Ordering.Lifecycle;

/// <summary>How a status change ended.</summary>
internal enum TransitionKind
{
    /// <summary>The order moved, its history and event were written.</summary>
    Moved,

    /// <summary>The same change had already been made (a retried payment, say); nothing changed.</summary>
    AlreadyDone,

    /// <summary>No such order.</summary>
    NotFound,

    /// <summary>The move is not allowed from where the order is; nothing changed.</summary>
    Refused,
}
