using Doc2Hash.Evaluation;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting;

/// <summary>Retrieval reports as DataFrames for notebooks: one row per named report (e.g. validation and test queries).</summary>
public static class RetrievalTables
{
    public static DataFrame Metrics(IReadOnlyList<(string Name, RetrievalReport Report)> reports)
    {
        if (reports.Count == 0) throw new ArgumentException("Give at least one retrieval report.");
        int k = reports[0].Report.K, radius = reports[0].Report.HammingRadius;
        if (reports.Any(r => r.Report.K != k || r.Report.HammingRadius != radius))
            throw new ArgumentException("Reports in one table must share K and the Hamming radius (their columns are named by them).");
        static double Round(double value) => Math.Round(value, 4);
        return new DataFrame(
            new StringDataFrameColumn("queries", reports.Select(r => r.Name)),
            new Int32DataFrameColumn("query count", reports.Select(r => r.Report.QueryCount)),
            new Int32DataFrameColumn("database", reports.Select(r => r.Report.DatabaseCount)),
            new Int32DataFrameColumn("bits", reports.Select(r => r.Report.Bits)),
            new DoubleDataFrameColumn($"P@{k}", reports.Select(r => Round(r.Report.PrecisionAtK))),
            new DoubleDataFrameColumn($"tie-aware P@{k}", reports.Select(r => Round(r.Report.TieAwarePrecisionAtK))),
            new DoubleDataFrameColumn($"mAP@{k}", reports.Select(r => Round(r.Report.MeanAveragePrecisionAtK))),
            new DoubleDataFrameColumn($"NDCG@{k}", reports.Select(r => Round(r.Report.NdcgAtK))),
            new DoubleDataFrameColumn($"recall@{k}", reports.Select(r => Round(r.Report.RecallAtK))),
            new DoubleDataFrameColumn($"precision r<={radius}", reports.Select(r => Round(r.Report.PrecisionWithinRadius))),
            new DoubleDataFrameColumn($"queries with a hit r<={radius}", reports.Select(r => Round(r.Report.ShareOfQueriesWithinRadius))),
            new DoubleDataFrameColumn($"tied at K-th distance", reports.Select(r => Math.Round(r.Report.MeanTiedAtKthDistance, 1))));
    }
}
