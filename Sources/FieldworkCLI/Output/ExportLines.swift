/// What an export says when it is done, in one order for every export: the file line (what was
/// written where), then the consent line (how consent was applied), then notes. The exports had
/// it both ways round, so a script reading the first line got either.
func printExported(_ wrote: String, consent: String, notes: [String] = []) {
    print(wrote)
    print(consent)
    notes.forEach { print($0) }
}
