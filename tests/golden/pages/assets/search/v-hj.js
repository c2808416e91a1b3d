window.TK_DATA.add("search/v-hj", {"terms":{},"words":{"hjælp":["hjælper",[],[],[0,7,6]]}});
