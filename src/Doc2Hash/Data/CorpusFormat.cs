namespace Doc2Hash.Data;

/// <summary>The reader a dataset entry needs.</summary>
public enum CorpusFormat
{
    NewsgroupsBydate,
    ReutersModApte,
    ReutersCategories90,
    Tmc,
    Rcv1Lyrl2004,
    UserFolder,
    UserCsv,
    UserJsonl,
}
