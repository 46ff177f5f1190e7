package dev.colloquy.bench;

/** The three input formats a generated corpus is written in, one file each. */
enum CorpusFormat {
    OPENAI("openai.jsonl"),
    SHAREGPT("sharegpt.jsonl"),
    TRANSCRIPT("transcripts.txt");

    private final String fileName;

    CorpusFormat(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }
}
