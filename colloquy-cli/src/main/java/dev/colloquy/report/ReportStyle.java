package dev.colloquy.report;

/** The report's inline style sheet: kept here so the page needs no other file. */
final class ReportStyle {

    static final String CSS = """
            :root{--fg:#1d2330;--muted:#5b6475;--line:#dde2ea;--bg:#f6f7f9;--card:#fff;--accent:#2f6fdf}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
            header{background:#1d2330;color:#fff;padding:14px 28px;position:sticky;top:0;z-index:1}
            header h1{margin:0 0 6px;font-size:20px}
            nav a{color:#c9d6ff;margin-right:14px;text-decoration:none;font-size:13px}
            main{max-width:1180px;margin:0 auto;padding:10px 24px 40px}
            section{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:18px 0;padding:12px 20px 16px}
            h2{font-size:17px;margin:4px 0 10px}
            h3{font-size:14px;margin:14px 0 6px;color:var(--muted)}
            .cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:140px}
            .card b{display:block;font-size:22px}
            .card span{color:var(--muted);font-size:12px}
            .ok{color:#17803d}.bad{color:#b42318}
            .charts{display:flex;flex-wrap:wrap;gap:8px 28px}
            figure{margin:6px 0}
            figcaption{font-weight:600;font-size:13px;margin-bottom:2px}
            svg text{font-size:11.5px;fill:var(--fg)}
            svg text.val{fill:var(--muted)}
            table{border-collapse:collapse;width:100%;margin:4px 0 8px}
            th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
            th{font-size:12px;color:var(--muted);font-weight:600}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .turn{border-left:3px solid var(--line);padding:2px 10px;margin:4px 0;white-space:pre-wrap;word-break:break-word}
            .turn .who{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
            .turn.user{border-color:#8fb3ff}.turn.assistant{border-color:#9ad3a8}
            .mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;word-break:break-all}
            .before{background:#fde8e7}.after{background:#e4f6e8}
            mark.before{background:#f9c8c4}mark.after{background:#bfe8c9}
            table.fixed{table-layout:fixed}table.fixed td:first-child,table.fixed th:first-child{width:190px}
            .card b span{font-size:inherit}.card b .ok{color:#17803d}.card b .bad{color:#b42318}
            mark.hole{background:#ffd54a;padding:0 3px;border-radius:3px}
            mark.cue{background:#e8defd}
            .cc{background:#eee;color:#b42318;font-size:10px;padding:0 2px}
            .empty,.note{color:var(--muted)}
            details{margin:6px 0}summary{cursor:pointer;font-weight:600}
            footer{color:var(--muted);text-align:center;padding:16px;font-size:12px}
            """;

    private ReportStyle() {
    }
}
