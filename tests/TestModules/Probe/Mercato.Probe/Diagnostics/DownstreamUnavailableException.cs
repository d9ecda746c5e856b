using Mercato.Platform.Errors;

namespace Mercato.Probe.Diagnostics;

/// <summary>The probe's downstream service gave no usable answer.</summary>
public sealed class DownstreamUnavailableException(string message) : DependencyUnavailableException("Downstream", message, null);
