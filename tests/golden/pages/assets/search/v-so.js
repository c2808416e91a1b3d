window.TK_DATA.add("search/v-so", {"terms":{"social færdighedstræning":[6]},"words":{"social":["social",[6],[0,2,8],[]]}});
