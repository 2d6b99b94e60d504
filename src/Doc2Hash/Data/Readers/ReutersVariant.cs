namespace Doc2Hash.Data.Readers;

/// <summary>Which documents and labels of the ModApte split a Reuters corpus keeps.</summary>
public enum ReutersVariant
{
    /// <summary>All ModApte documents (LEWISSPLIT TRAIN/TEST and TOPICS="YES"): 9,603 / 3,299; every TOPICS label.</summary>
    ModApte,

    /// <summary>
    /// NLTK's ApteMod: the 90 categories with at least one train and one test document, and the ModApte documents
    /// carrying at least one of them (7,770 / 3,019 from the SGML; NLTK reports 7,769 / 3,019); labels restricted to the 90.
    /// </summary>
    Categories90,
}
