// mistake: parses the stored value as an unsigned number, so a negative one is refused
// expect: parse the stored value as a signed integer
fn execute(db: &mut Db, line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        ["INCR", key] => match db.get(*key).map_or(Ok(0), |value| value.parse::<u64>()) {
            Ok(current) => {
                let next = current + 1;
                db.insert(key.to_string(), next.to_string());
                format!("VALUE {next}")
            }
            Err(_) => format!("ERR the value of {key} is not a number"),
        },
        ["INCR", ..] => "ERR expected INCR key".to_string(),
        _ => match parse(line) {
            Ok(command) => apply(db, command),
            Err(e) => format!("ERR {e}"),
        },
    }
}

check_incr(execute)
