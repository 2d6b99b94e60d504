using Doc2Hash.Data.Readers;

namespace Doc2Hash.Tests.Data.Readers;

// Expected values follow scikit-learn's strip_newsgroup_header/footer/quoting (sklearn/datasets/_twenty_newsgroups.py),
// worked out by hand line by line.
public class NewsgroupsCleanerTests
{
    [Fact]
    public void Header_removal_keeps_everything_after_the_first_blank_line()
    {
        Assert.Equal("body\n\nmore", NewsgroupsCleaner.StripHeader("From: a\nSubject: b\n\nbody\n\nmore"));
    }

    [Fact]
    public void Header_removal_of_a_post_without_a_blank_line_leaves_nothing()
    {
        // Python's "a\nb".partition("\n\n") is ("a\nb", "", ""): the whole post counts as header.
        Assert.Equal("", NewsgroupsCleaner.StripHeader("From: a\nSubject: b\nbody"));
    }

    [Fact]
    public void Header_removal_with_a_leading_blank_line_keeps_the_rest()
    {
        Assert.Equal("body", NewsgroupsCleaner.StripHeader("\n\nbody"));
    }

    [Fact]
    public void Footer_removal_cuts_at_the_last_dash_line()
    {
        // Lines: "a", "b", "", "-- ", "sig": the last blank-or-dashes line is 3, so lines 0..2 remain.
        Assert.Equal("a\nb\n", NewsgroupsCleaner.StripFooter("a\nb\n\n-- \nsig"));
    }

    [Fact]
    public void Footer_removal_ignores_trailing_blank_lines()
    {
        // The text is stripped first: "body\n\nsig", lines "body", "", "sig"; the cut is at line 1.
        Assert.Equal("body", NewsgroupsCleaner.StripFooter("body\n\nsig\n\n\n"));
    }

    [Fact]
    public void Footer_at_line_zero_returns_the_text_unchanged_and_unstripped()
    {
        Assert.Equal("----\nonly text\n", NewsgroupsCleaner.StripFooter("----\nonly text\n"));
        Assert.Equal("  one paragraph\nno break  ", NewsgroupsCleaner.StripFooter("  one paragraph\nno break  "));
    }

    [Fact]
    public void Footer_removal_treats_python_whitespace_such_as_file_separator_as_blank()
    {
        // Python's str.isspace() is true for U+001C; .NET's char.IsWhiteSpace is not.
        Assert.Equal("text", NewsgroupsCleaner.StripFooter("text\n\u001c\nsig"));
    }

    [Fact]
    public void Quote_removal_drops_lines_with_markers_anywhere_or_at_line_start()
    {
        string post = string.Join('\n',
            "In article <1@x>, bob writes:", // ^In article and writes:
            " In article mid-line",          // kept: ^In article needs the line start
            "> quoted",                       // ^>
            "a > b",                          // kept: > not at line start
            "| piped",                        // ^|
            "x | y",                          // kept
            "she said: hi",                   // said: anywhere
            "Quoted from somewhere",          // ^Quoted from
            "he wrote: no",                   // wrote: anywhere
            "reply");
        Assert.Equal(" In article mid-line\na > b\nx | y\nreply", NewsgroupsCleaner.StripQuoting(post));
    }

    [Fact]
    public void Cleaning_applies_headers_then_footers_then_quotes()
    {
        string post = "From: a\nSubject: b\n\nIn article <x>, y writes:\n> quoted\nreply\n\n-- \nsig";
        // Header -> "In article..\n> quoted\nreply\n\n-- \nsig"; footer cuts at "-- " (line 4) -> "In article..\n> quoted\nreply\n";
        // quotes drop the first two lines -> "reply\n".
        Assert.Equal("reply\n", NewsgroupsCleaner.Clean(post, NewsgroupsCleaning.All));
    }

    [Fact]
    public void Footer_before_quotes_differs_from_the_other_order()
    {
        // Footer first: lines "> q", "", "body" -> cut at line 1 -> "> q" -> quote removal -> "".
        // (Quotes first would give "\nbody", whose only blank line is line 0, so the footer would keep it.)
        Assert.Equal("", NewsgroupsCleaner.Clean("> q\n\nbody", NewsgroupsCleaning.All with { Headers = false }));
    }

    [Fact]
    public void Cleaning_flags_switch_each_heuristic_off()
    {
        string post = "H: 1\n\n> q\nbody";
        Assert.Equal(post, NewsgroupsCleaner.Clean(post, NewsgroupsCleaning.None));
        Assert.Equal("H: 1\n\nbody", NewsgroupsCleaner.Clean(post, NewsgroupsCleaning.None with { Quotes = true }));
    }
}
