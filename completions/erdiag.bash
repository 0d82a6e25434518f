# bash completion for erdiag(1): subcommands, their options and option values, and device,
# group and circuit names from the inventory.  Every answer comes from the program itself,
# `erdiag __complete WORD...` (cli/complete.c), which reads the option tables erdiag parses its
# command line with and the inventory the line names: nothing here can drift from them.
# Its answer: "words" or "files" on the first line, then the candidates, one a line.

_erdiag()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]} word
    local -a args=("${COMP_WORDS[@]:1:COMP_CWORD}") answer
    [[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
    # Right after "--format=" bash's current word is the "=" (it splits words there): the
    # value being completed is empty.
    if [[ $cur == = ]]; then
        cur=
        args+=("")
    fi
    mapfile -t answer < <("$prog" __complete "${args[@]}" 2>/dev/null)
    COMPREPLY=()
    if [[ ${answer[0]-} == files ]]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return 0
    fi
    # Names are data from a file: quoted for the command line, never expanded (no compgen -W).
    for word in "${answer[@]:1}"; do
        printf -v word '%q' "$word"
        COMPREPLY+=("$word")
    done
    return 0
}
complete -F _erdiag erdiag
