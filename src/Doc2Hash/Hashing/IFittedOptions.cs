namespace Doc2Hash.Hashing;

/// <summary>
/// What every options record of a method fitted in one pass (the classic methods) shares: its code length and seed.
/// The experiment runner reads them through this interface; the rest of each record is the method's own.
/// </summary>
public interface IFittedOptions
{
    int Bits { get; }
    int Seed { get; }
}
