// mistake: a value that is not a number counts as 0, so INCR overwrites it with 1
// expect: a value that is not an integer is an error, not 0
fn execute(db: &mut Db, line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        ["INCR", key] => {
            let next = db.get(*key).and_then(|value| value.parse::<i64>().ok()).unwrap_or(0) + 1;
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
