// mistake: unwraps the parse of the stored value, so INCR on a word panics
// expect: execute panicked on "INCR name"
fn execute(db: &mut Db, line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        ["INCR", key] => {
            let current: i64 = db.get(*key).map_or(0, |value| value.parse().unwrap());
            let next = current + 1;
            db.insert(key.to_string(), next.to_string());
            format!("VALUE {next}")
        }
        ["INCR", ..] => "ERR expected INCR key".to_string(),
        _ => match parse(line) {
            Ok(command) => apply(db, command),
            Err(e) => format!("ERR {e}"),
        },
    }
}

check_incr(execute)
