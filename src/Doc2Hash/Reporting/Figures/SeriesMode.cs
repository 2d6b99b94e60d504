namespace Doc2Hash.Reporting.Figures;

/// <summary>How a series is drawn.</summary>
public enum SeriesMode
{
    /// <summary>Points joined by lines, with markers (a few points: P@100 vs bits).</summary>
    LinesAndMarkers,

    /// <summary>Lines only (dense curves: precision@K, training curves, histogram steps).</summary>
    Lines,

    /// <summary>Markers only (scatter plots: samples on the simplex).</summary>
    Markers,
}
