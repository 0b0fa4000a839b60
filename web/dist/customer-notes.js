var qo=Object.defineProperty;var Fo=Object.getOwnPropertyDescriptor;var g=(i,e,t,s)=>{for(var r=s>1?void 0:s?Fo(e,t):e,n=i.length-1,o;n>=0;n--)(o=i[n])&&(r=(s?o(e,t,r):o(r))||r);return s&&r&&qo(e,t,r),r};var ns=globalThis,os=ns.ShadowRoot&&(ns.ShadyCSS===void 0||ns.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,li=Symbol(),Er=new WeakMap,Ct=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==li)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(os&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Er.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Er.set(t,e))}return e}toString(){return this.cssText}},xr=i=>new Ct(typeof i=="string"?i:i+"",void 0,li),ci=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,r,n)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+i[n+1],i[0]);return new Ct(t,i,li)},Tr=(i,e)=>{if(os)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=ns.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,i.appendChild(s)}},ui=os?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return xr(t)})(i):i;var{is:Bo,defineProperty:Wo,getOwnPropertyDescriptor:Go,getOwnPropertyNames:Yo,getOwnPropertySymbols:Vo,getPrototypeOf:Ko}=Object,as=globalThis,_r=as.trustedTypes,Zo=_r?_r.emptyScript:"",Xo=as.reactiveElementPolyfillSupport,Ot=(i,e)=>i,Lt={toAttribute(i,e){switch(e){case Boolean:i=i?Zo:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},ls=(i,e)=>!Bo(i,e),Sr={attribute:!0,type:String,converter:Lt,reflect:!1,useDefault:!1,hasChanged:ls};Symbol.metadata??=Symbol("metadata"),as.litPropertyMetadata??=new WeakMap;var Ie=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Sr){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&Wo(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:n}=Go(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:r,set(o){let c=r?.call(this);n?.call(this,o),this.requestUpdate(e,c,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Sr}static _$Ei(){if(this.hasOwnProperty(Ot("elementProperties")))return;let e=Ko(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Ot("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Ot("properties"))){let t=this.properties,s=[...Yo(t),...Vo(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(ui(r))}else e!==void 0&&t.push(ui(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Tr(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let n=(s.converter?.toAttribute!==void 0?s.converter:Lt).toAttribute(t,s.type);this._$Em=e,n==null?this.removeAttribute(r):this.setAttribute(r,n),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let n=s.getPropertyOptions(r),o=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:Lt;this._$Em=r;let c=o.fromAttribute(t,n.type);this[r]=c??this._$Ej?.get(r)??c,this._$Em=null}}requestUpdate(e,t,s,r=!1,n){if(e!==void 0){let o=this.constructor;if(r===!1&&(n=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??ls)(n,t)||s.useDefault&&s.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:n},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),n!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,n]of this._$Ep)this[r]=n;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,n]of s){let{wrapped:o}=n,c=this[r];o!==!0||this._$AL.has(r)||c===void 0||this.C(r,void 0,n,c)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};Ie.elementStyles=[],Ie.shadowRootOptions={mode:"open"},Ie[Ot("elementProperties")]=new Map,Ie[Ot("finalized")]=new Map,Xo?.({ReactiveElement:Ie}),(as.reactiveElementVersions??=[]).push("2.1.2");var hi=globalThis,Rr=i=>i,cs=hi.trustedTypes,Ir=cs?cs.createPolicy("lit-html",{createHTML:i=>i}):void 0,di="$lit$",Ce=`lit$${Math.random().toFixed(9).slice(2)}$`,fi="?"+Ce,Qo=`<${fi}>`,et=document,Nt=()=>et.createComment(""),Mt=i=>i===null||typeof i!="object"&&typeof i!="function",gi=Array.isArray,Mr=i=>gi(i)||typeof i?.[Symbol.iterator]=="function",pi=`[ 	
\f\r]`,Pt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Cr=/-->/g,Or=/>/g,Qe=RegExp(`>|${pi}(?:([^\\s"'>=/]+)(${pi}*=${pi}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Lr=/'/g,Pr=/"/g,Dr=/^(?:script|style|textarea|title)$/i,mi=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),y=mi(1),cc=mi(2),uc=mi(3),Oe=Symbol.for("lit-noChange"),v=Symbol.for("lit-nothing"),Nr=new WeakMap,Je=et.createTreeWalker(et,129);function Ur(i,e){if(!gi(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ir!==void 0?Ir.createHTML(e):e}var zr=(i,e)=>{let t=i.length-1,s=[],r,n=e===2?"<svg>":e===3?"<math>":"",o=Pt;for(let c=0;c<t;c++){let l=i[c],d,p,b=-1,$=0;for(;$<l.length&&(o.lastIndex=$,p=o.exec(l),p!==null);)$=o.lastIndex,o===Pt?p[1]==="!--"?o=Cr:p[1]!==void 0?o=Or:p[2]!==void 0?(Dr.test(p[2])&&(r=RegExp("</"+p[2],"g")),o=Qe):p[3]!==void 0&&(o=Qe):o===Qe?p[0]===">"?(o=r??Pt,b=-1):p[1]===void 0?b=-2:(b=o.lastIndex-p[2].length,d=p[1],o=p[3]===void 0?Qe:p[3]==='"'?Pr:Lr):o===Pr||o===Lr?o=Qe:o===Cr||o===Or?o=Pt:(o=Qe,r=void 0);let A=o===Qe&&i[c+1].startsWith("/>")?" ":"";n+=o===Pt?l+Qo:b>=0?(s.push(d),l.slice(0,b)+di+l.slice(b)+Ce+A):l+Ce+(b===-2?c:A)}return[Ur(i,n+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},Dt=class i{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let n=0,o=0,c=e.length-1,l=this.parts,[d,p]=zr(e,t);if(this.el=i.createElement(d,s),Je.currentNode=this.el.content,t===2||t===3){let b=this.el.content.firstChild;b.replaceWith(...b.childNodes)}for(;(r=Je.nextNode())!==null&&l.length<c;){if(r.nodeType===1){if(r.hasAttributes())for(let b of r.getAttributeNames())if(b.endsWith(di)){let $=p[o++],A=r.getAttribute(b).split(Ce),_=/([.?@])?(.*)/.exec($);l.push({type:1,index:n,name:_[2],strings:A,ctor:_[1]==="."?ps:_[1]==="?"?hs:_[1]==="@"?ds:st}),r.removeAttribute(b)}else b.startsWith(Ce)&&(l.push({type:6,index:n}),r.removeAttribute(b));if(Dr.test(r.tagName)){let b=r.textContent.split(Ce),$=b.length-1;if($>0){r.textContent=cs?cs.emptyScript:"";for(let A=0;A<$;A++)r.append(b[A],Nt()),Je.nextNode(),l.push({type:2,index:++n});r.append(b[$],Nt())}}}else if(r.nodeType===8)if(r.data===fi)l.push({type:2,index:n});else{let b=-1;for(;(b=r.data.indexOf(Ce,b+1))!==-1;)l.push({type:7,index:n}),b+=Ce.length-1}n++}}static createElement(e,t){let s=et.createElement("template");return s.innerHTML=e,s}};function tt(i,e,t=i,s){if(e===Oe)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,n=Mt(e)?void 0:e._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),n===void 0?r=void 0:(r=new n(i),r._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=tt(i,r._$AS(i,e.values),r,s)),e}var us=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??et).importNode(t,!0);Je.currentNode=r;let n=Je.nextNode(),o=0,c=0,l=s[0];for(;l!==void 0;){if(o===l.index){let d;l.type===2?d=new bt(n,n.nextSibling,this,e):l.type===1?d=new l.ctor(n,l.name,l.strings,this,e):l.type===6&&(d=new fs(n,this,e)),this._$AV.push(d),l=s[++c]}o!==l?.index&&(n=Je.nextNode(),o++)}return Je.currentNode=et,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},bt=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=v,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=tt(this,e,t),Mt(e)?e===v||e==null||e===""?(this._$AH!==v&&this._$AR(),this._$AH=v):e!==this._$AH&&e!==Oe&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Mr(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==v&&Mt(this._$AH)?this._$AA.nextSibling.data=e:this.T(et.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=Dt.createElement(Ur(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let n=new us(r,this),o=n.u(this.options);n.p(t),this.T(o),this._$AH=n}}_$AC(e){let t=Nr.get(e.strings);return t===void 0&&Nr.set(e.strings,t=new Dt(e)),t}k(e){gi(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let n of e)r===t.length?t.push(s=new i(this.O(Nt()),this.O(Nt()),this,this.options)):s=t[r],s._$AI(n),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Rr(e).nextSibling;Rr(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},st=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,n){this.type=1,this._$AH=v,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=n,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=v}_$AI(e,t=this,s,r){let n=this.strings,o=!1;if(n===void 0)e=tt(this,e,t,0),o=!Mt(e)||e!==this._$AH&&e!==Oe,o&&(this._$AH=e);else{let c=e,l,d;for(e=n[0],l=0;l<n.length-1;l++)d=tt(this,c[s+l],t,l),d===Oe&&(d=this._$AH[l]),o||=!Mt(d)||d!==this._$AH[l],d===v?e=v:e!==v&&(e+=(d??"")+n[l+1]),this._$AH[l]=d}o&&!r&&this.j(e)}j(e){e===v?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},ps=class extends st{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===v?void 0:e}},hs=class extends st{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==v)}},ds=class extends st{constructor(e,t,s,r,n){super(e,t,s,r,n),this.type=5}_$AI(e,t=this){if((e=tt(this,e,t,0)??v)===Oe)return;let s=this._$AH,r=e===v&&s!==v||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,n=e!==v&&(s===v||r);r&&this.element.removeEventListener(this.name,this,s),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},fs=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){tt(this,e)}},Hr={M:di,P:Ce,A:fi,C:1,L:zr,R:us,D:Mr,V:tt,I:bt,H:st,N:hs,U:ds,B:ps,F:fs},Jo=hi.litHtmlPolyfillSupport;Jo?.(Dt,bt),(hi.litHtmlVersions??=[]).push("3.3.3");var jr=(i,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let n=t?.renderBefore??null;s._$litPart$=r=new bt(e.insertBefore(Nt(),n),n,void 0,t??{})}return r._$AI(i),r};var bi=globalThis,q=class extends Ie{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=jr(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return Oe}};q._$litElement$=!0,q.finalized=!0,bi.litElementHydrateSupport?.({LitElement:q});var ea=bi.litElementPolyfillSupport;ea?.({LitElement:q});(bi.litElementVersions??=[]).push("4.2.2");var le=i=>(e,t)=>{t!==void 0?t.addInitializer(()=>{customElements.define(i,e)}):customElements.define(i,e)};var ta={attribute:!0,type:String,converter:Lt,reflect:!1,hasChanged:ls},sa=(i=ta,e,t)=>{let{kind:s,metadata:r}=t,n=globalThis.litPropertyMetadata.get(r);if(n===void 0&&globalThis.litPropertyMetadata.set(r,n=new Map),s==="setter"&&((i=Object.create(i)).wrapped=!0),n.set(t.name,i),s==="accessor"){let{name:o}=t;return{set(c){let l=e.get.call(this);e.set.call(this,c),this.requestUpdate(o,l,i,!0,c)},init(c){return c!==void 0&&this.C(o,void 0,i,c),c}}}if(s==="setter"){let{name:o}=t;return function(c){let l=this[o];e.call(this,c),this.requestUpdate(o,l,i,!0,c)}}throw Error("Unsupported decorator location: "+s)};function x(i){return(e,t)=>typeof t=="object"?sa(i,e,t):((s,r,n)=>{let o=r.hasOwnProperty(n);return r.constructor.createProperty(n,s),o?Object.getOwnPropertyDescriptor(r,n):void 0})(i,e,t)}function k(i){return x({...i,state:!0,attribute:!1})}var qr={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},ms=i=>(...e)=>({_$litDirective$:i,values:e}),yt=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,s){this._$Ct=e,this._$AM=t,this._$Ci=s}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:Qc}=Hr;var ia={},Fr=(i,e=ia)=>i._$AH=e;var yi=ms(class extends yt{constructor(){super(...arguments),this.key=v}render(i,e){return this.key=i,e}update(i,[e,t]){return e!==this.key&&(Fr(i),this.key=e),t}});var Br=["CALL","VISIT","EMAIL","SMS","SHOWROOM_VISIT","MEETING","DEMO","FOLLOW_UP","OTHER"],Wr=["SALES","CREDIT_CONTROL","SERVICE"],Gr=`query WidgetActivityTab($id: ID!) {
  me { subject agent { agentId name } permissions { capabilities } }
  outcomes: choices(list: OUTCOME) { value label }
  moods: choices(list: MOOD) { value label }
  customer(id: $id) {
    id
    interactions(first: 50) {
      totalCount
      edges { node { id type purpose subject outcome mood occurredAt loggedByAgent { name } } }
    }
    followUps(first: 50) {
      totalCount
      edges { node { id assignee { agentId name } dueAt instructions status outcome completedAt } }
    }
  }
}`,$i="errors { field code message }",Yr=`mutation WidgetLogInteraction($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id subject } followUp { id } ${$i} }
}`,Vr=`mutation WidgetCompleteFollowUp($input: CompleteFollowUpInput!) {
  completeFollowUp(input: $input) { followUp { id status outcome } ${$i} }
}`,Kr=`mutation WidgetRescheduleFollowUp(
    $input: RescheduleFollowUpInput!) {
  rescheduleFollowUp(input: $input) { followUp { id dueAt } ${$i} }
}`;function Zr(i){return i?.permissions.capabilities.includes("WRITE_ACTIVITY")??!1}function vi(i,e,t){if(!i||t.status!=="OPEN")return!1;let s=i.permissions.capabilities,r=e.toUpperCase();return s.includes(`${r}_ANY_FOLLOW_UP`)||t.assignee?.agentId===i.subject&&s.includes(`${r}_OWN_FOLLOW_UP`)}function bs(i){return new Date(i.getTime()-i.getTimezoneOffset()*6e4).toISOString().slice(0,16)}function $t(i){let e=new Date(i);return i&&!Number.isNaN(e.getTime())?e.toISOString():null}function ys(i,e){return e?i.find(t=>t.value===e)?.label??e:""}var Q=class extends Error{},it=class extends Error{},ki=class extends Error{constructor(t,s){super(t);this.codes=s}},ra=2e4,Ut=class{constructor(e,t){this.endpoint=e;this.token=t}async request(e,t={},s=[]){let r;try{r=await fetch(this.endpoint,{method:"POST",headers:{"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json",Authorization:`Bearer ${this.token()}`},body:JSON.stringify({query:e,variables:t}),signal:AbortSignal.timeout(ra)})}catch(d){throw new it(`the gateway did not answer (${String(d)})`)}if(r.status===401)throw new Q("the session has expired");if(r.status>=500)throw new it(`the gateway answered ${r.status}`);let n;try{n=await r.json()}catch{throw new it(`the gateway answered ${r.status} without JSON`)}let o=n.errors??[],c=o.map(d=>d.extensions?.code??"ERROR");if(c.includes("UNAUTHENTICATED"))throw new Q("the session has expired");let l=n.data;if(l==null||s.some(d=>l[d]==null))throw new ki(o.map(d=>d.message).join("; "),c);return{data:l,errors:o}}};var $s=["GENERAL","SUPPORT","SALES","PERSONAL"],vs=["INTERACTION_LOG","ESCALATION","FOLLOW_UP","RESOLUTION","SUPERVISOR","TECHNICAL","SENTIMENT"],Xr=["LOW","NORMAL","HIGH","CRITICAL"];function je(i){return i?i.edges.map(e=>e.node):[]}function wi(i,e,t){let s=i?.permissions.capabilities??[],r=e.toUpperCase();return s.includes(`${r}_ANY_NOTE`)||t.authorId===i?.subject&&s.includes(`${r}_OWN_NOTE`)}function de(i){let e=i.toLowerCase().replaceAll("_"," ");return e.charAt(0).toUpperCase()+e.slice(1)}function qe(i){return[...new Set(i.split(",").map(e=>e.trim()).filter(Boolean))]}function ks(i,e){return{subject:"",body:"",category:"GENERAL",type:"INTERACTION_LOG",scope:i,importance:"NORMAL",pinned:!1,tags:"",followUp:!1,assigneeId:e,dueAt:"",instructions:""}}function Ai(i){return{...ks(i.scope,""),subject:i.subject,body:i.body,category:i.category,type:i.type,importance:i.importance,pinned:i.pinned,tags:i.tags.join(", ")}}function ws(i){let e=[];return i.subject.length>300&&e.push({field:"subject",code:"TOO_LONG",message:`The subject is ${i.subject.length} characters; the limit is 300.`}),i.body.length>1e5&&e.push({field:"body",code:"TOO_LONG",message:`The body is ${i.body.length.toLocaleString("en")} characters; the limit is ${1e5.toLocaleString("en")}. Shorten it before saving (nothing was sent).`}),e}function vt(i,e){return i.find(t=>t.field===e)}function te(i,e){return e?y`<p class="error" id="${i}-error" role="alert">${e.message}</p>`:v}function Fe(i,e,t,s,r,n){return y`
    <label for=${i}>${e}</label>
    <select
      id=${i}
      .value=${t}
      aria-invalid=${n?"true":"false"}
      aria-describedby=${n?`${i}-error`:v}
      @change=${o=>r(o.target.value)}
    >
      ${s.map(o=>y`<option value=${o} ?selected=${o===t}>${de(o)}</option>`)}
    </select>
    ${te(i,n)}
  `}var ce=ci`
  :host {
    display: block;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: #1f2933;
  }
  *:focus-visible {
    outline: 3px solid #1a56db;
    outline-offset: 2px;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.15rem;
  }
  input[type="text"],
  input[type="search"],
  input[type="datetime-local"],
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.35rem 0.45rem;
    border: 1px solid #616e7c;
    border-radius: 4px;
    font: inherit;
    color: inherit;
    background: #fff;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: #b91c1c;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row > * {
    flex: 1;
  }
  .row > .fit {
    flex: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #1a56db;
    background: #fff;
    color: #1a56db;
    cursor: pointer;
  }
  button.primary {
    background: #1a56db;
    color: #fff;
  }
  button.danger {
    border-color: #b91c1c;
    color: #b91c1c;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .error {
    color: #b91c1c;
    margin: 0.2rem 0 0;
    font-size: 0.9em;
  }
  .hint {
    color: #52606d;
    font-size: 0.9em;
    margin: 0.2rem 0 0;
  }
  .status {
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
    background: #eff6ff;
    color: #1e3a8a;
    margin: 0.5rem 0;
  }
  .status.warn {
    background: #fef3c7;
    color: #78350f;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-top: 0.6rem;
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0;
    margin: 0.3rem 0;
  }
  .chips li {
    background: #e4e7eb;
    border-radius: 999px;
    padding: 0 0.6rem;
  }
  .chips button {
    border: none;
    padding: 0 0.2rem;
    background: transparent;
    color: #1f2933;
  }
  ul.notes {
    list-style: none;
    padding: 0;
  }
  ul.notes > li {
    border: 1px solid #d9e2ec;
    border-radius: 6px;
    padding: 0.2rem 0.8rem 0.6rem;
    margin: 0.6rem 0;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0.5rem 0 0.2rem;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.3rem;
    border-bottom: 1px solid #d9e2ec;
    margin-bottom: 0.6rem;
  }
  [role="tab"] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    color: #3e4c59;
  }
  [role="tab"][aria-selected="true"] {
    border-bottom-color: #1a56db;
    color: #102a43;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid #d9e2ec;
    border-radius: 4px;
  }
  .markdown :is(p, ul, ol, pre, blockquote) {
    margin: 0.3rem 0;
  }
  .markdown pre {
    white-space: pre-wrap;
  }
`;var na=0,J=class extends q{constructor(){super(...arguments);this.outcomes=[];this.mayComplete=!1;this.mayReschedule=!1;this.mode=null;this.outcome="";this.comment="";this.dueAt="";this.reason="";this.errors=[];this.busy=!1;this.uid=`a${++na}`}async show(t){let s=this.mode;this.mode=t,this.errors=[],t==="reschedule"&&(this.dueAt=bs(new Date(this.followUp.dueAt))),await this.updateComplete;let r=t?`#${this.uid}-${t==="complete"?"outcome":"due"}`:`#${this.uid}-${s??"complete"}`;this.renderRoot.querySelector(r)?.focus()}async send(){if(this.busy||!this.mode)return;let t=this.mode==="complete";if(t&&!this.outcome)return this.fail([{field:"outcome",code:"REQUIRED",message:"Choose an outcome."}]);let s=$t(this.dueAt);if(!t&&!s)return this.fail([{field:"dueAt",code:"REQUIRED",message:"Choose a due date."}]);let r=t?"completeFollowUp":"rescheduleFollowUp",n=t?{id:this.followUp.id,outcome:this.outcome,comment:this.comment||null}:{id:this.followUp.id,dueAt:s,reason:this.reason||null};this.busy=!0;try{let{data:o}=await this.client.request(t?Vr:Kr,{input:n},[r]),c=o[r];if(c.errors.length||!c.followUp)return this.fail(c.errors);this.mode=null,this.errors=[],this.dispatchEvent(new CustomEvent("follow-up-changed",{detail:{id:this.followUp.id,action:t?"completed":"rescheduled"},bubbles:!0,composed:!0}))}catch(o){let c=o instanceof Q?"Your session has expired; sign in again and try once more.":`Not saved: ${o instanceof Error?o.message:o}`;this.fail([{field:null,code:"FAILED",message:c}])}finally{this.busy=!1}}async fail(t){this.errors=t,await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){return!this.mayComplete&&!this.mayReschedule?v:y`
      <div class="actions">
        ${this.mayComplete?y`<button
              type="button"
              id="${this.uid}-complete"
              aria-expanded=${this.mode==="complete"?"true":"false"}
              @click=${()=>this.show(this.mode==="complete"?null:"complete")}
            >Complete</button>`:v}
        ${this.mayReschedule?y`<button
              type="button"
              id="${this.uid}-reschedule"
              aria-expanded=${this.mode==="reschedule"?"true":"false"}
              @click=${()=>this.show(this.mode==="reschedule"?null:"reschedule")}
            >Reschedule</button>`:v}
      </div>
      ${this.mode?this.form(this.mode):v}
    `}field(t,s,r){let n=`${this.uid}-${t}`,o=vt(this.errors,t==="due"?"dueAt":t);return y`<label for=${n}>${s}</label>${r(n,o)}${te(n,o)}`}form(t){let s=(l,d)=>d?`${l}-error`:v,r=["outcome","comment","dueAt","reason"],n=this.errors.filter(l=>!r.includes(l.field??"")),o=(l,d)=>(p,b)=>y`<input
        id=${p}
        type="text"
        .value=${l}
        aria-invalid=${b?"true":"false"}
        aria-describedby=${s(p,b)}
        @input=${$=>d($.target.value)}
      />`,c=t==="complete"?y`
            ${this.field("outcome","Outcome",(l,d)=>y`<select
              id=${l}
              aria-invalid=${d?"true":"false"}
              aria-describedby=${s(l,d)}
              @change=${p=>this.outcome=p.target.value}
            >
              <option value="" ?selected=${!this.outcome}>(choose)</option>
              ${this.outcomes.map(p=>y`<option value=${p.value} ?selected=${p.value===this.outcome}>
                  ${p.label}
                </option>`)}
            </select>`)}
            ${this.field("comment","Comment",o(this.comment,l=>this.comment=l))}
          `:y`
            ${this.field("due","New due date",(l,d)=>y`<input
              id=${l}
              type="datetime-local"
              .value=${this.dueAt}
              aria-invalid=${d?"true":"false"}
              aria-describedby=${s(l,d)}
              @input=${p=>this.dueAt=p.target.value}
            />`)}
            ${this.field("reason","Reason",o(this.reason,l=>this.reason=l))}
          `;return y`
      <form
        aria-label=${t==="complete"?"Complete the follow-up":"Reschedule the follow-up"}
        aria-busy=${this.busy?"true":"false"}
        @submit=${l=>{l.preventDefault(),this.send()}}
        @keydown=${l=>{l.key==="Escape"&&this.show(null)}}
      >
        ${c}
        ${n.map(l=>y`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${t==="complete"?"Save completion":"Save new due date"}
          </button>
          <button type="button" @click=${()=>this.show(null)}>Cancel</button>
        </div>
      </form>
    `}};J.styles=ce,g([x({attribute:!1})],J.prototype,"client",2),g([x({attribute:!1})],J.prototype,"followUp",2),g([x({attribute:!1})],J.prototype,"outcomes",2),g([x({type:Boolean})],J.prototype,"mayComplete",2),g([x({type:Boolean})],J.prototype,"mayReschedule",2),g([k()],J.prototype,"mode",2),g([k()],J.prototype,"outcome",2),g([k()],J.prototype,"comment",2),g([k()],J.prototype,"dueAt",2),g([k()],J.prototype,"reason",2),g([k()],J.prototype,"errors",2),g([k()],J.prototype,"busy",2),J=g([le("c360-follow-up-actions")],J);var kt=class{constructor(e,t){this.host=e;this.find=t;this.query="";this.found=[];this.status="";this.asked=0;e.addController(this)}hostConnected(){}async search(e){this.query=e;let t=++this.asked,s=this.find();if(s){this.host.requestUpdate();try{let r=await s(e.trim());if(t!==this.asked)return;this.found=r,this.status=r.length?`${r.length} agent${r.length===1?"":"s"} found; choose one under Assignee.`:"No agent found."}catch{t===this.asked&&(this.status="Agents could not be looked up.")}this.host.requestUpdate()}}choices(e,t){let s=[...this.found,...t].find(n=>n.agentId===e),r=this.found.filter(n=>n.agentId!==e);return e?[s??{agentId:e,name:e},...r]:r}};var rt=`id customerId authorId author { name } subject body category type scope importance
  pinned tags version createdAt updatedAt`,Qr=`query WidgetMe {
  me { subject roles agent { agentId name } permissions { readableScopes writableScopes capabilities } }
}`;var Jr=`query WidgetNotes($id: ID!, $filter: NoteFilter, $first: Int!) {
  customer(id: $id) {
    id name tags(first: 100) { edges { node } }
    notes(first: $first, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${rt} } }
    }
  }
  controlledTags { tag }
}`,en=`query WidgetMoreNotes($id: ID!, $filter: NoteFilter, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    notes(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${rt} } }
    }
  }
}`,Ei=`query WidgetSearch($query: String!, $filter: NoteFilter!, $first: Int!,
    $after: String) {
  searchNotes(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${rt} } }
  }
}`,tn=`query WidgetNote($id: ID!) { note(id: $id) { ${rt} } }`,sn=`query WidgetHistory($id: ID!) {
  note(id: $id) {
    id
    history(first: 100) {
      edges { node { version editorId editor { name } editedAt changes { field before after } } }
    }
  }
}`;var As=`query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { agentId name role } } }
}`,rn=`mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) { note { ${rt} } errors { field code message } }
}`,nn=`mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${rt} } errors { field code message } }
}`,on=`mutation WidgetDelete($input: DeleteNoteInput!) {
  deleteNote(input: $input) { note { id deleted deletedAt } errors { field code message } }
}`,an=`mutation WidgetRestore($input: RestoreNoteInput!) {
  restoreNote(input: $input) { note { ${rt} } errors { field code message } }
}`;var oa=["type","purpose","subject","detail","outcome","mood","occurredAt"],aa=0,re=class extends q{constructor(){super(...arguments);this.customerId="";this.outcomes=[];this.moods=[];this.me=null;this.open=!1;this.draft=this.blank();this.errors=[];this.busy=!1;this.status="";this.agents=new kt(this,()=>this.findAgents);this.uid=`i${++aa}`;this.findAgents=async t=>{let{data:s}=await this.client.request(As,{query:t||null});return s.agents?.edges.map(r=>r.node)??[]}}blank(){return{type:"CALL",purpose:"SERVICE",subject:"",detail:"",outcome:"",mood:"",occurredAt:bs(new Date),followUp:!1,assigneeId:this.me?.agentId??"",dueAt:"",instructions:""}}set(t,s){this.draft={...this.draft,[t]:s}}async toggle(){this.open=!this.open,this.open&&(this.draft.assigneeId||this.set("assigneeId",this.me?.agentId??""),await this.updateComplete,this.renderRoot.querySelector(`#${this.uid}-type`)?.focus())}input(){let t=this.draft;return{customerId:this.customerId,type:t.type,purpose:t.purpose,subject:t.subject,detail:t.detail||null,outcome:t.outcome||null,mood:t.mood||null,occurredAt:$t(t.occurredAt),followUp:t.followUp?{assigneeId:t.assigneeId,dueAt:$t(t.dueAt),instructions:t.instructions||null}:null}}async submit(){if(this.busy)return;let t=[];if(this.draft.followUp&&!$t(this.draft.dueAt)&&t.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),t.length)return this.fail(t);this.busy=!0,this.status="";try{let{data:s}=await this.client.request(Yr,{input:this.input()},["logInteraction"]),r=s.logInteraction;if(r.errors.length||!r.interaction)return this.fail(r.errors);this.errors=[],this.status=`Logged “${r.interaction.subject}”.`,this.draft=this.blank(),this.dispatchEvent(new CustomEvent("interaction-logged",{detail:{id:r.interaction.id},bubbles:!0,composed:!0}))}catch(s){let r=s instanceof Q?"Your session has expired; sign in again and save once more (your entry is kept).":`The interaction was not saved: ${s instanceof Error?s.message:s}`;this.fail([{field:null,code:"FAILED",message:r}])}finally{this.busy=!1}}async fail(t){this.errors=t,this.status="The interaction was not saved: see the highlighted fields.",await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){return y`
      <div class="actions">
        <button
          type="button"
          aria-expanded=${this.open?"true":"false"}
          aria-controls="${this.uid}-form"
          @click=${()=>this.toggle()}
        >
          ${this.open?"Close the interaction form":"Log an interaction"}
        </button>
      </div>
      <div role="status" class=${this.status?"status":""}>${this.status}</div>
      ${this.open?this.form():v}
    `}form(){let t=this.draft,s=l=>`${this.uid}-${l}`,r=l=>vt(this.errors,l),n=this.errors.filter(l=>!oa.includes(l.field??"")&&!(l.field??"").startsWith("followUp.")),o=(l,d,p)=>y`
      <label for=${s(l)}>${d}</label>
      <select
        id=${s(l)}
        aria-invalid=${r(l)?"true":"false"}
        aria-describedby=${r(l)?`${s(l)}-error`:v}
        @change=${b=>this.set(l,b.target.value)}
      >
        <option value="" ?selected=${!t[l]}>(none)</option>
        ${p.map(b=>y`<option value=${b.value} ?selected=${b.value===t[l]}>${b.label}</option>`)}
      </select>
      ${te(s(l),r(l))}
    `,c=(l,d,p)=>y`
      <label for=${s(l)}>${d}</label>
      <input
        id=${s(l)}
        type=${p}
        .value=${t[l]}
        aria-invalid=${r(l)?"true":"false"}
        aria-describedby=${r(l)?`${s(l)}-error`:v}
        @input=${b=>this.set(l,b.target.value)}
      />
      ${te(s(l),r(l))}
    `;return y`
      <form
        id="${this.uid}-form"
        aria-label="Log an interaction"
        aria-busy=${this.busy?"true":"false"}
        @keydown=${l=>{l.key==="Enter"&&(l.ctrlKey||l.metaKey)&&(l.preventDefault(),this.submit())}}
        @submit=${l=>{l.preventDefault(),this.submit()}}
      >
        <div class="row">
          <div>
            ${Fe(s("type"),"Type",t.type,Br,l=>this.set("type",l),r("type"))}
          </div>
          <div>
            ${Fe(s("purpose"),"Purpose",t.purpose,Wr,l=>this.set("purpose",l),r("purpose"))}
          </div>
        </div>
        ${c("subject","Subject","text")}
        <label for=${s("detail")}>Detail (markdown)</label>
        <textarea
          id=${s("detail")}
          .value=${t.detail}
          aria-invalid=${r("detail")?"true":"false"}
          aria-describedby=${r("detail")?`${s("detail")}-error`:v}
          @input=${l=>this.set("detail",l.target.value)}
        ></textarea>
        ${te(s("detail"),r("detail"))}
        <div class="row">
          <div>${o("outcome","Outcome",this.outcomes)}</div>
          <div>${o("mood","Mood",this.moods)}</div>
        </div>
        ${c("occurredAt","Occurred at","datetime-local")}
        ${this.followUp(s,r)}
        ${n.map(l=>y`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>Save interaction</button>
          ${this.busy?y`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}followUp(t,s){let r=this.draft,n=this.me?[this.me]:[];return y`
      <label class="check">
        <input
          type="checkbox"
          .checked=${r.followUp}
          @change=${o=>{let c=o.target.checked;this.set("followUp",c),c&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${r.followUp?y`<fieldset>
            <legend>Follow-up</legend>
            <label for=${t("assignee-find")}>Find assignee</label>
            <input
              id=${t("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${t("assignee-found")}
              .value=${this.agents.query}
              @input=${o=>this.agents.search(o.target.value)}
            />
            <span id=${t("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${t("assignee")}>Assignee</label>
            <select
              id=${t("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${t("assignee")}-error`:v}
              @change=${o=>this.set("assigneeId",o.target.value)}
            >
              ${this.agents.choices(r.assigneeId,n).map(o=>y`<option value=${o.agentId} ?selected=${o.agentId===r.assigneeId}>
                  ${o.name}${o.agentId===this.me?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${te(t("assignee"),s("followUp.assigneeId"))}
            <label for=${t("due")}>Due</label>
            <input
              id=${t("due")}
              type="datetime-local"
              .value=${r.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${t("due")}-error`:v}
              @input=${o=>this.set("dueAt",o.target.value)}
            />
            ${te(t("due"),s("followUp.dueAt"))}
            <label for=${t("instructions")}>Instructions</label>
            <input
              id=${t("instructions")}
              type="text"
              .value=${r.instructions}
              aria-invalid=${s("followUp.instructions")?"true":"false"}
              aria-describedby=${s("followUp.instructions")?`${t("instructions")}-error`:v}
              @input=${o=>this.set("instructions",o.target.value)}
            />
            ${te(t("instructions"),s("followUp.instructions"))}
          </fieldset>`:v}
    `}};re.styles=ce,g([x({attribute:!1})],re.prototype,"client",2),g([x()],re.prototype,"customerId",2),g([x({attribute:!1})],re.prototype,"outcomes",2),g([x({attribute:!1})],re.prototype,"moods",2),g([x({attribute:!1})],re.prototype,"me",2),g([k()],re.prototype,"open",2),g([k()],re.prototype,"draft",2),g([k()],re.prototype,"errors",2),g([k()],re.prototype,"busy",2),g([k()],re.prototype,"status",2),re=g([le("c360-interaction-form")],re);var ln=i=>new Date(i).toISOString().slice(0,16).replace("T"," "),ne=class extends q{constructor(){super(...arguments);this.customerId="";this.me=null;this.outcomes=[];this.moods=[];this.interactions=null;this.followUps=null;this.loading=!0;this.failure="";this.status=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{let{data:t}=await this.client.request(Gr,{id:this.customerId}),s=t.customer;this.me=t.me,this.outcomes=t.outcomes??[],this.moods=t.moods??[],this.interactions=s?.interactions?je(s.interactions):null,this.followUps=s?.followUps?je(s.followUps):null,this.failure=""}catch(t){this.failure=`Activity could not be loaded: ${t instanceof Error?t.message:t}`}finally{this.loading=!1}}changed(t){this.status=`Follow-up ${t.detail.action}.`,this.load()}render(){if(this.loading)return y`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`;let t=this.interactions!==null&&Zr(this.me);return y`
      ${this.failure?y`<p class="error" role="alert">${this.failure}</p>`:v}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${t?y`<c360-interaction-form
              .client=${this.client}
              .customerId=${this.customerId}
              .outcomes=${this.outcomes}
              .moods=${this.moods}
              .me=${this.me?.agent??(this.me?{agentId:this.me.subject,name:this.me.subject}:null)}
              @interaction-logged=${()=>{this.load()}}
            ></c360-interaction-form>`:v}
        ${this.interactions===null?y`<p class="hint">Not available to your role.</p>`:this.interactions.length?y`<ul aria-label="Interactions list">${this.interactions.map(s=>y`<li>
                <strong>${de(s.type)}</strong> (${de(s.purpose)}) — ${s.subject}
                <span class="hint">${ln(s.occurredAt)} · ${s.loggedByAgent?.name??"—"}${s.outcome?` · ${ys(this.outcomes,s.outcome)}`:""}${s.mood?` · ${ys(this.moods,s.mood)}`:""}</span>
              </li>`)}</ul>`:y`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        <div role="status" class=${this.status?"status":""}>${this.status}</div>
        ${this.followUps===null?y`<p class="hint">Not available to your role.</p>`:this.followUps.length?y`<ul aria-label="Follow-ups list">${this.followUps.map(s=>y`<li>
                Due ${ln(s.dueAt)} · ${s.assignee?.name??"—"}${s.status!=="OPEN"?` · ${de(s.status)}`:""}${s.outcome?` · ${ys(this.outcomes,s.outcome)}`:""}
                ${s.instructions?y`<div>${s.instructions}</div>`:v}
                <c360-follow-up-actions
                  .client=${this.client}
                  .followUp=${s}
                  .outcomes=${this.outcomes}
                  ?mayComplete=${vi(this.me,"complete",s)}
                  ?mayReschedule=${vi(this.me,"reschedule",s)}
                  @follow-up-changed=${this.changed}
                ></c360-follow-up-actions>
              </li>`)}</ul>`:y`<p class="hint">No follow-ups.</p>`}
      </section>
    `}};ne.styles=ce,g([x({attribute:!1})],ne.prototype,"client",2),g([x()],ne.prototype,"customerId",2),g([k()],ne.prototype,"me",2),g([k()],ne.prototype,"outcomes",2),g([k()],ne.prototype,"moods",2),g([k()],ne.prototype,"interactions",2),g([k()],ne.prototype,"followUps",2),g([k()],ne.prototype,"loading",2),g([k()],ne.prototype,"failure",2),g([k()],ne.prototype,"status",2),ne=g([le("c360-activity")],ne);var la=/^[A-Z][A-Za-z0-9]*:./;function ca(i){try{let e=Uint8Array.from(atob(i),t=>t.charCodeAt(0));return new TextDecoder("utf-8",{fatal:!0}).decode(e)}catch{return null}}function Es(i){let e=ca(i);if(e!==null&&la.test(e))return i;let t=new TextEncoder().encode(`Customer360:${i}`);return btoa(String.fromCharCode(...t))}var zt=class extends yt{constructor(e){if(super(e),this.it=v,e.type!==qr.CHILD)throw Error(this.constructor.directiveName+"() can only be used in child bindings")}render(e){if(e===v||e==null)return this._t=void 0,this.it=e;if(e===Oe)return e;if(typeof e!="string")throw Error(this.constructor.directiveName+"() called with a non-string value");if(e===this.it)return this._t;this.it=e;let t=[e];return t.raw=t,this._t={_$litType$:this.constructor.resultType,strings:t,values:[]}}};zt.directiveName="unsafeHTML",zt.resultType=1;var wt=ms(zt);function ua(i,e){this.v=i,this.k=e}function cn(i,e){(e==null||e>i.length)&&(e=i.length);for(var t=0,s=Array(e);t<e;t++)s[t]=i[t];return s}function pa(i){if(Array.isArray(i))return i}function ha(i,e){var t=i==null?null:typeof Symbol<"u"&&i[Symbol.iterator]||i["@@iterator"];if(t!=null){var s,r,n,o,c=[],l=!0,d=!1;try{if(n=(t=t.call(i)).next,e===0){if(Object(t)!==t)return;l=!1}else for(;!(l=(s=n.call(t)).done)&&(c.push(s.value),c.length!==e);l=!0);}catch(p){d=!0,r=p}finally{try{if(!l&&t.return!=null&&(o=t.return(),Object(o)!==o))return}finally{if(d)throw r}}return c}}function da(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function fa(i,e){return pa(i)||ha(i,e)||ga(i,e)||da()}function ga(i,e){if(i){if(typeof i=="string")return cn(i,e);var t={}.toString.call(i).slice(8,-1);return t==="Object"&&i.constructor&&(t=i.constructor.name),t==="Map"||t==="Set"?Array.from(i):t==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(t)?cn(i,e):void 0}}function xs(i){var e,t;function s(n,o){try{var c=i[n](o),l=c.value,d=l instanceof ua;Promise.resolve(d?l.v:l).then(function(p){if(d){var b=n==="return"&&l.k?n:"next";if(!l.k||p.done)return s(b,p);p=i[b](p).value}r(!!c.done,p)},function(p){s("throw",p)})}catch(p){r(2,p)}}function r(n,o){n===2?e.reject(o):e.resolve({value:o,done:n}),(e=e.next)?s(e.key,e.arg):t=null}this._invoke=function(n,o){return new Promise(function(c,l){var d={key:n,arg:o,resolve:c,reject:l,next:null};t?t=t.next=d:(e=t=d,s(n,o))})},typeof i.return!="function"&&(this.return=void 0)}xs.prototype[typeof Symbol=="function"&&Symbol.asyncIterator||"@@asyncIterator"]=function(){return this},xs.prototype.next=function(i){return this._invoke("next",i)},xs.prototype.throw=function(i){return this._invoke("throw",i)},xs.prototype.return=function(i){return this._invoke("return",i)};var wn=Object.entries,ma=Object.keys,un=Object.setPrototypeOf,ba=Object.isFrozen,An=Object.getPrototypeOf,En=Object.getOwnPropertyDescriptor,V=Object.freeze,F=Object.seal,We=Object.create,xn=typeof Reflect<"u"&&Reflect,Ss=xn.apply,Ni=xn.construct;V||(V=function(e){return e});F||(F=function(e){return e});Ss||(Ss=function(e,t){for(var s=arguments.length,r=new Array(s>2?s-2:0),n=2;n<s;n++)r[n-2]=arguments[n];return e.apply(t,r)});Ni||(Ni=function(e){for(var t=arguments.length,s=new Array(t>1?t-1:0),r=1;r<t;r++)s[r-1]=arguments[r];return new e(...s)});var Le=M(Array.prototype.forEach),ya=M(Array.prototype.lastIndexOf),pn=M(Array.prototype.pop),Ht=M(Array.prototype.push),$a=M(Array.prototype.slice),va=M(Array.prototype.splice),At=Array.isArray,xi=Tn(Set),Ti=M(Set.prototype.add),jt=M(Set.prototype.has),nt=M(String.prototype.toLowerCase),_i=M(String.prototype.toString),ka=M(String.prototype.match),Ts=M(String.prototype.replace),Si=M(String.prototype.indexOf),wa=M(String.prototype.trim),Aa=M(Number.prototype.toString),Ea=M(Boolean.prototype.toString),hn=typeof BigInt>"u"?null:M(BigInt.prototype.toString),dn=typeof Symbol>"u"?null:M(Symbol.prototype.toString),se=M(Object.prototype.hasOwnProperty),qt=M(Object.prototype.toString),xa=RegExp.prototype.test,Y=function(e,t){return e instanceof RegExp&&(e.lastIndex=0),Ss(xa,e,[t])},Pe=Tn(TypeError);function M(i){return function(e){for(var t=arguments.length,s=new Array(t>1?t-1:0),r=1;r<t;r++)s[r-1]=arguments[r];return Ss(i,e,s)}}function Tn(i){return function(){for(var e=arguments.length,t=new Array(e),s=0;s<e;s++)t[s]=arguments[s];return Ni(i,t)}}function C(i,e){let t=arguments.length>2&&arguments[2]!==void 0?arguments[2]:nt;if(un&&un(i,null),!At(e))return i;let s=e.length;for(;s--;){let r=e[s];if(typeof r=="string"){let n=t(r);n!==r&&(ba(e)||(e[s]=n),r=n)}i[r]=!0}return i}function Ta(i){for(let e=0;e<i.length;e++)se(i,e)||(i[e]=null);return i}function Rs(i){let e=We(null);for(let s of wn(i)){var t=fa(s,2);let r=t[0],n=t[1];se(i,r)&&(At(n)?e[r]=Ta(n):n&&typeof n=="object"&&n.constructor===Object?e[r]=Rs(n):e[r]=n)}return e}function Ft(i){let e=We(null),t=ma(i),s=t.length;for(;s--;)e[t[s]]=i[t[s]];return e}function _a(i){switch(typeof i){case"string":return i;case"number":return Aa(i);case"boolean":return Ea(i);case"bigint":return hn?hn(i):"0";case"symbol":return dn?dn(i):"Symbol()";case"undefined":return qt(i);case"function":case"object":{if(i===null)return qt(i);let e=i,t=ge(e,"toString");if(typeof t=="function"){let s=t(e);return typeof s=="string"?s:qt(s)}return qt(i)}default:return qt(i)}}function ge(i,e){for(;i!==null;){let s=En(i,e);if(s){if(s.get)return M(s.get);if(typeof s.value=="function")return M(s.value)}i=An(i)}function t(){return null}return t}function Sa(i,e){for(;i!==null;){let t=En(i,e);if(t)return t.get?M(t.get):null;i=An(i)}return null}function Ra(i){if(!i)return!1;try{return Y(i,""),!0}catch{return!1}}var fn=V(["a","abbr","acronym","address","area","article","aside","audio","b","bdi","bdo","big","blink","blockquote","body","br","button","canvas","caption","center","cite","code","col","colgroup","content","data","datalist","dd","decorator","del","details","dfn","dialog","dir","div","dl","dt","element","em","fieldset","figcaption","figure","font","footer","form","h1","h2","h3","h4","h5","h6","head","header","hgroup","hr","html","i","img","input","ins","kbd","label","legend","li","main","map","mark","marquee","menu","menuitem","meter","nav","nobr","ol","optgroup","option","output","p","picture","pre","progress","q","rp","rt","ruby","s","samp","search","section","select","shadow","slot","small","source","spacer","span","strike","strong","style","sub","summary","sup","table","tbody","td","template","textarea","tfoot","th","thead","time","tr","track","tt","u","ul","var","video","wbr"]),Ri=V(["svg","a","altglyph","altglyphdef","altglyphitem","animatecolor","animatemotion","animatetransform","circle","clippath","defs","desc","ellipse","filter","font","g","glyph","glyphref","hkern","image","line","lineargradient","marker","mask","metadata","mpath","path","pattern","polygon","polyline","radialgradient","rect","stop","style","switch","symbol","text","textpath","title","tref","tspan","view","vkern"]),Ii=V(["feBlend","feColorMatrix","feComponentTransfer","feComposite","feConvolveMatrix","feDiffuseLighting","feDisplacementMap","feDistantLight","feDropShadow","feFlood","feFuncA","feFuncB","feFuncG","feFuncR","feGaussianBlur","feImage","feMerge","feMergeNode","feMorphology","feOffset","fePointLight","feSpecularLighting","feSpotLight","feTile","feTurbulence"]),Ia=V(["animate","color-profile","cursor","discard","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","foreignobject","hatch","hatchpath","mesh","meshgradient","meshpatch","meshrow","missing-glyph","script","set","solidcolor","unknown","use"]),Ci=V(["math","menclose","merror","mfenced","mfrac","mglyph","mi","mlabeledtr","mmultiscripts","mn","mo","mover","mpadded","mphantom","mroot","mrow","ms","mspace","msqrt","mstyle","msub","msup","msubsup","mtable","mtd","mtext","mtr","munder","munderover","mprescripts"]),Ca=V(["maction","maligngroup","malignmark","mlongdiv","mscarries","mscarry","msgroup","mstack","msline","msrow","semantics","annotation","annotation-xml","mprescripts","none"]),gn=V(["#text"]),mn=V(["accept","action","align","alt","autocapitalize","autocomplete","autopictureinpicture","autoplay","background","bgcolor","border","capture","cellpadding","cellspacing","checked","cite","class","clear","color","cols","colspan","command","commandfor","controls","controlslist","coords","crossorigin","datetime","decoding","default","dir","disabled","disablepictureinpicture","disableremoteplayback","download","draggable","enctype","enterkeyhint","exportparts","face","for","headers","height","hidden","high","href","hreflang","id","inert","inputmode","integrity","ismap","kind","label","lang","list","loading","loop","low","max","maxlength","media","method","min","minlength","multiple","muted","name","nonce","noshade","novalidate","nowrap","open","optimum","part","pattern","placeholder","playsinline","popover","popovertarget","popovertargetaction","poster","preload","pubdate","radiogroup","readonly","rel","required","rev","reversed","role","rows","rowspan","spellcheck","scope","selected","shape","size","sizes","slot","span","srclang","start","src","srcset","step","style","summary","tabindex","title","translate","type","usemap","valign","value","width","wrap","xmlns"]),Oi=V(["accent-height","accumulate","additive","alignment-baseline","amplitude","ascent","attributename","attributetype","azimuth","basefrequency","baseline-shift","begin","bias","by","class","clip","clippathunits","clip-path","clip-rule","color","color-interpolation","color-interpolation-filters","color-profile","color-rendering","cx","cy","d","dx","dy","diffuseconstant","direction","display","divisor","dominant-baseline","dur","edgemode","elevation","end","exponent","fill","fill-opacity","fill-rule","filter","filterunits","flood-color","flood-opacity","font-family","font-size","font-size-adjust","font-stretch","font-style","font-variant","font-weight","fx","fy","g1","g2","glyph-name","glyphref","gradientunits","gradienttransform","height","href","id","image-rendering","in","in2","intercept","k","k1","k2","k3","k4","kerning","keypoints","keysplines","keytimes","lang","lengthadjust","letter-spacing","kernelmatrix","kernelunitlength","lighting-color","local","marker-end","marker-mid","marker-start","markerheight","markerunits","markerwidth","maskcontentunits","maskunits","max","mask","mask-type","media","method","mode","min","name","numoctaves","offset","operator","opacity","order","orient","orientation","origin","overflow","paint-order","path","pathlength","patterncontentunits","patterntransform","patternunits","pointer-events","points","preservealpha","preserveaspectratio","primitiveunits","r","rx","ry","radius","refx","refy","repeatcount","repeatdur","restart","result","rotate","scale","seed","shape-rendering","slope","specularconstant","specularexponent","spreadmethod","startoffset","stddeviation","stitchtiles","stop-color","stop-opacity","stroke-dasharray","stroke-dashoffset","stroke-linecap","stroke-linejoin","stroke-miterlimit","stroke-opacity","stroke","stroke-width","style","surfacescale","systemlanguage","tabindex","tablevalues","targetx","targety","transform","transform-origin","text-anchor","text-decoration","text-orientation","text-rendering","textlength","type","u1","u2","unicode","values","vector-effect","viewbox","visibility","version","vert-adv-y","vert-origin-x","vert-origin-y","width","word-spacing","wrap","writing-mode","xchannelselector","ychannelselector","x","x1","x2","xmlns","y","y1","y2","z","zoomandpan"]),bn=V(["accent","accentunder","align","bevelled","close","columnalign","columnlines","columnspacing","columnspan","denomalign","depth","dir","display","displaystyle","encoding","fence","frame","height","href","id","largeop","length","linethickness","lquote","lspace","mathbackground","mathcolor","mathsize","mathvariant","maxsize","minsize","movablelimits","notation","numalign","open","rowalign","rowlines","rowspacing","rowspan","rspace","rquote","scriptlevel","scriptminsize","scriptsizemultiplier","selection","separator","separators","stretchy","subscriptshift","supscriptshift","symmetric","voffset","width","xmlns"]),_s=V(["xlink:href","xml:id","xlink:title","xml:space","xmlns:xlink"]),Oa=F(/{{[\w\W]*|^[\w\W]*}}/g),La=F(/<%[\w\W]*|^[\w\W]*%>/g),Pa=F(/\${[\w\W]*/g),Na=F(/{{|}}|\${|<%|%>|&lt;%|%&gt;/),Ma=F(/^data-[\-\w.\u00B7-\uFFFF]+$/),Da=F(/^aria-[\-\w]+$/),yn=F(/^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i),Ua=F(/^(?:\w+script|data):/i),za=F(/[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g),Ha=F(/^html$/i),ja=F(/^[a-z][.\w]*(-[.\w]+)+$/i),Li=F(/<[/\w!]/g),$n=F(/<[/\w]/g),qa=F(/<\/no(script|embed|frames)/i),vn=F(/\/>/i),Fa=F(/((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i),Ba=F(/^[\r\n\t ]+/),j={element:1,text:3,processingInstruction:7,comment:8,document:9,documentFragment:11},Wa=V(C({},["style","script","xmp","iframe","noembed","noframes","plaintext","noscript"])),Ga=function(){return typeof window>"u"?null:window},Ya=function(e,t){if(typeof e!="object"||typeof e.createPolicy!="function")return null;let s=null,r="data-tt-policy-suffix";t&&t.hasAttribute(r)&&(s=t.getAttribute(r));let n="dompurify"+(s?"#"+s:"");try{return e.createPolicy(n,{createHTML(o){return o},createScriptURL(o){return o}})}catch{return console.warn("TrustedTypes policy "+n+" could not be created."),null}},kn=function(){return{afterSanitizeAttributes:[],afterSanitizeElements:[],afterSanitizeShadowDOM:[],beforeSanitizeAttributes:[],beforeSanitizeElements:[],beforeSanitizeShadowDOM:[],uponSanitizeAttribute:[],uponSanitizeElement:[],uponSanitizeShadowNode:[]}},Be=function(e,t,s,r){return se(e,t)&&At(e[t])?C(r.base?Ft(r.base):{},e[t],r.transform):s},Pi=function(e,t,s){let r=se(e,t)?e[t]:void 0;return r&&typeof r=="object"?Rs(r):s};function _n(){let i=arguments.length>0&&arguments[0]!==void 0?arguments[0]:Ga(),e=f=>_n(f);if(e.version="3.4.18",e.removed=[],!i||!i.document||i.document.nodeType!==j.document||!i.Element)return e.isSupported=!1,e;let t=i.document,s=t,r=s.currentScript,n=i.HTMLTemplateElement,o=i.Node,c=i.Element,l=i.NodeFilter,d=i.DOMParser,p=i.trustedTypes,b=c.prototype,$=ge(b,"cloneNode"),A=ge(b,"remove"),_=ge(b,"removeAttributeNode"),P=ge(b,"nextSibling"),S=ge(b,"childNodes"),I=ge(b,"parentNode"),ue=ge(b,"shadowRoot"),L=ge(b,"attributes"),me=o&&o.prototype?ge(o.prototype,"nodeType"):null,pe=o&&o.prototype?ge(o.prototype,"nodeName"):null,Me=o&&o.prototype?ge(o.prototype,"ownerDocument"):null,ee=function(a){return me?me(a):a.nodeType},ae=function(a){return pe?pe(a):a.nodeName},De=Sa(b,"namespaceURI"),Ue=function(a){return De?De(a):a.namespaceURI};if(typeof n=="function"){let f=t.createElement("template");f.content&&f.content.ownerDocument&&(t=f.content.ownerDocument)}let Z,ke="",we,ie=!1,Ye=0,_e=function(){if(Ye>0)throw Pe('A configured TRUSTED_TYPES_POLICY callback (createHTML or createScriptURL) must not call DOMPurify.sanitize, as that causes infinite recursion. Do not pass a policy whose callbacks wrap DOMPurify as TRUSTED_TYPES_POLICY; see the "DOMPurify and Trusted Types" section of the README.')},_t=function(a){_e(),Ye++;try{return Z.createHTML(a)}finally{Ye--}},Xi=function(a){return Z&&Bs?_t(a):a},so=function(a){_e(),Ye++;try{return Z.createScriptURL(a)}finally{Ye--}},io=function(){return ie||(we=Ya(p,r),ie=!0),we},Kt=t,Ds=Kt.implementation,ro=Kt.createNodeIterator,no=Kt.createDocumentFragment,oo=Kt.getElementsByTagName,ao=s.importNode,D=kn();e.isSupported=typeof wn=="function"&&typeof I=="function"&&Ds&&Ds.createHTMLDocument!==void 0;let lo=Oa,co=La,uo=Pa,po=Ma,ho=Da,fo=Ua,go=za,mo=ja,Qi=yn,U=null,Us=C({},[...fn,...Ri,...Ii,...Ci,...gn]),z=null,zs=C({},[...mn,...Oi,...bn,..._s]),Ae=null,St=null,Ji=null,ze=Object.seal(We(null,{tagCheck:{writable:!0,configurable:!1,enumerable:!0,value:null},attributeCheck:{writable:!0,configurable:!1,enumerable:!0,value:null}})),er=!0,Hs=!0,tr=!1,js=!0,Se=!1,Ve=!0,Ke=!1,qs=!1,Zt=null,Xt=null,Fs=!1,pt=!1,Qt=!1,Bs=!1,sr=!0,ir=!1,rr="user-content-",Ws=!0,Gs=!1,Ze=null,ht=!1,Xe=null,nr=C({},["annotation-xml","audio","colgroup","desc","foreignobject","head","iframe","math","mi","mn","mo","ms","mtext","noembed","noframes","noscript","plaintext","script","selectedcontent","style","svg","template","thead","title","video","xmp"]),or=null,ar=C({},["audio","video","img","source","image","track"]),lr=null,cr=C({},["alt","class","for","id","label","name","pattern","placeholder","role","summary","title","value","style","xmlns"]),Jt="http://www.w3.org/1998/Math/MathML",es="http://www.w3.org/2000/svg",Ee="http://www.w3.org/1999/xhtml",dt=Ee,Ys=!1,ur=null,bo=C({},[Jt,es,Ee],_i),yo=V(C({},["mi","mo","mn","ms","mtext"])),Vs=null,$o=V(C({},["annotation-xml"])),Ks=null,vo=V(We(null)),ko=C({},["title","style","font","a","script"]),Rt=null,wo=["application/xhtml+xml","text/html"],Ao="text/html",H=null,ts=null,Eo=t.createElement("form"),pr=function(a){return a instanceof RegExp||a instanceof Function},Zs=function(){let a=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};(!a||typeof a!="object")&&(a={}),a=Rs(a),Rt=wo.indexOf(a.PARSER_MEDIA_TYPE)===-1?Ao:a.PARSER_MEDIA_TYPE,H=Rt==="application/xhtml+xml"?_i:nt,U=Be(a,"ALLOWED_TAGS",Us,{transform:H}),z=Be(a,"ALLOWED_ATTR",zs,{transform:H}),ur=Be(a,"ALLOWED_NAMESPACES",bo,{transform:_i}),lr=Be(a,"ADD_URI_SAFE_ATTR",cr,{transform:H,base:cr}),or=Be(a,"ADD_DATA_URI_TAGS",ar,{transform:H,base:ar}),Xe=Be(a,"FORBID_CONTENTS",nr,{transform:H}),St=Be(a,"FORBID_TAGS",We(null),{transform:H}),Ji=Be(a,"FORBID_ATTR",We(null),{transform:H}),ht=se(a,"USE_PROFILES")?a.USE_PROFILES&&typeof a.USE_PROFILES=="object"?Rs(a.USE_PROFILES):a.USE_PROFILES:!1,er=a.ALLOW_ARIA_ATTR!==!1,Hs=a.ALLOW_DATA_ATTR!==!1,tr=a.ALLOW_UNKNOWN_PROTOCOLS||!1,js=a.ALLOW_SELF_CLOSE_IN_ATTR!==!1,Se=a.SAFE_FOR_TEMPLATES||!1,Ve=a.SAFE_FOR_XML!==!1,Ke=a.WHOLE_DOCUMENT||!1,pt=a.RETURN_DOM||!1,Qt=a.RETURN_DOM_FRAGMENT||!1,Bs=a.RETURN_TRUSTED_TYPE||!1,Fs=a.FORCE_BODY||!1,sr=a.SANITIZE_DOM!==!1,ir=a.SANITIZE_NAMED_PROPS||!1,Ws=a.KEEP_CONTENT!==!1,Gs=a.IN_PLACE||!1,Qi=Ra(a.ALLOWED_URI_REGEXP)?a.ALLOWED_URI_REGEXP:yn,dt=typeof a.NAMESPACE=="string"?a.NAMESPACE:Ee,Vs=Pi(a,"MATHML_TEXT_INTEGRATION_POINTS",yo),Ks=Pi(a,"HTML_INTEGRATION_POINTS",$o);let u=Pi(a,"CUSTOM_ELEMENT_HANDLING",vo);if(Ae=We(null),se(u,"tagNameCheck")&&pr(u.tagNameCheck)&&(Ae.tagNameCheck=u.tagNameCheck),se(u,"attributeNameCheck")&&pr(u.attributeNameCheck)&&(Ae.attributeNameCheck=u.attributeNameCheck),se(u,"allowCustomizedBuiltInElements")&&typeof u.allowCustomizedBuiltInElements=="boolean"&&(Ae.allowCustomizedBuiltInElements=u.allowCustomizedBuiltInElements),F(Ae),Se&&(Hs=!1),Qt&&(pt=!0),ht&&((se(a,"ALLOWED_TAGS")||se(a,"ALLOWED_ATTR"))&&typeof console<"u"&&typeof console.warn=="function"&&console.warn("DOMPurify: USE_PROFILES overrides ALLOWED_TAGS and ALLOWED_ATTR. Do not use these options together."),U=C({},gn),z=We(null),ht.html===!0&&(C(U,fn),C(z,mn)),ht.svg===!0&&(C(U,Ri),C(z,Oi),C(z,_s)),ht.svgFilters===!0&&(C(U,Ii),C(z,Oi),C(z,_s)),ht.mathMl===!0&&(C(U,Ci),C(z,bn),C(z,_s))),ze.tagCheck=null,ze.attributeCheck=null,se(a,"ADD_TAGS")&&(typeof a.ADD_TAGS=="function"?ze.tagCheck=a.ADD_TAGS:At(a.ADD_TAGS)&&(U===Us&&(U=Ft(U)),C(U,a.ADD_TAGS,H))),se(a,"ADD_ATTR")&&(typeof a.ADD_ATTR=="function"?ze.attributeCheck=a.ADD_ATTR:At(a.ADD_ATTR)&&(z===zs&&(z=Ft(z)),C(z,a.ADD_ATTR,H))),se(a,"ADD_FORBID_CONTENTS")&&At(a.ADD_FORBID_CONTENTS)&&(Xe===nr&&(Xe=Ft(Xe)),C(Xe,a.ADD_FORBID_CONTENTS,H)),Ws&&(U["#text"]=!0),Ke&&C(U,["html","head","body"]),U.table&&(U.tbody=!0,delete St.tbody),a.TRUSTED_TYPES_POLICY){if(typeof a.TRUSTED_TYPES_POLICY.createHTML!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createHTML" hook.');if(typeof a.TRUSTED_TYPES_POLICY.createScriptURL!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createScriptURL" hook.');let h=Z;Z=a.TRUSTED_TYPES_POLICY;try{ke=_t("")}catch(m){throw Z=h,m}}else a.TRUSTED_TYPES_POLICY===null?(Z=void 0,ke=""):(Z===void 0&&(Z=io()),Z&&typeof ke=="string"&&(ke=_t("")));ts=V(a)},hr=C({},[...Ri,...Ii,...Ia]),dr=C({},[...Ci,...Ca]),xo=function(a,u,h){return u===Ee?a==="svg":u===Jt?a==="svg"&&(h==="annotation-xml"||Vs[h]):!!hr[a]},To=function(a,u,h){return u===Ee?a==="math":u===es?a==="math"&&Ks[h]:!!dr[a]},_o=function(a,u,h){return u===es&&!Ks[h]||u===Jt&&!Vs[h]?!1:!dr[a]&&(ko[a]||!hr[a])},So=function(a){let u=Ue(a),h=nt(ae(a)),m=I(a),w=dt,E="template";return m&&ee(m)===j.element&&(w=Ue(m),E=nt(ae(m))),ur[u]?u===es?xo(h,w,E):u===Jt?To(h,w,E):u===Ee?_o(h,w,E):Rt==="application/xhtml+xml":!1},He=function(a){Ht(e.removed,{element:a});try{I(a).removeChild(a)}catch{if(A(a),!I(a))throw Pe("a node selected for removal could not be detached from its tree and cannot be safely returned; refusing to sanitize in place")}},fr=function(a,u,h){try{_(a,u)}catch{try{a.removeAttribute(h)}catch{}}},Xs=function(a){ei(a);let u=S(a);u&&Le($a(u),h=>{try{A(h)}catch{}}),ee(a)===j.element&&Qs(a,!1)},ft=function(a,u,h){if(!h)try{h=u.getAttributeNode(a)}catch{h=null}if(Ht(e.removed,{attribute:h||null,from:u}),h)fr(u,h,a);else try{u.removeAttribute(a)}catch{}if(a==="is")if(pt||Qt)try{He(u)}catch{}else try{u.setAttribute(a,"")}catch{}},Qs=function(a,u){let h=L(a);if(h)for(let m=h.length-1;m>=0;--m){let w=h[m],E=w&&w.name;typeof E=="string"&&!(u&&z[H(E)])&&fr(a,w,E)}},Js=function(a,u){let h=arguments.length>2&&arguments[2]!==void 0?arguments[2]:!1,m=[a];for(;m.length>0;){let w=m.pop();if(u(w)===!1)continue;if(h&&ee(w)===j.element){let R=ue(w);gt(R)&&m.push(R)}let E=S(w);if(E)for(let R=E.length-1;R>=0;--R)m.push(E[R])}},ei=function(a){Js(a,u=>{ee(u)===j.element&&Qs(u,!0)})},ti=function(a){let u=[];return Js(a,h=>{u.push(h)},!0),u},Ro=function(a,u){let h=xi();Le(ti(a),m=>{ee(m)===j.element&&Ti(h,m)}),Le(u,m=>{ee(m)===j.element&&!jt(h,m)&&Qs(m,!0)})},gr=function(a,u){let h=!1;return Le(e.removed,m=>{m.element&&(h=h||m.element===a,ei(m.element))}),Ro(a,u),h},Io=8,Co=function(a,u){let h=Ze,m=null,w=()=>(m||(m=xi(),Le(u,E=>{Ti(m,E)})),m);for(let E=0;;E++){let R=ti(a),W=[a],Re=!1;if(Le(R,ye=>{ee(ye)===j.documentFragment?Ht(W,ye):!Re&&!jt(h,ye)&&(Re=jt(w(),ye))}),!Re)return;if(E>=Io)throw Pe("the tree kept changing during in-place sanitization; refusing to return it");Le(W,(ye,he)=>{Oo(ye,he>0,a,w())})}},Oo=function(a,u,h,m){let w=ss(a),E;for(;E=w.nextNode();)!jt(m,E)||jt(Ze,E)||(u&&be(D.uponSanitizeShadowNode,E,null),ni(E,h))},Lo=function(a){Ze&&Ti(Ze,a)},mr=function(a,u){return Ve?a==="patchsrc"?!0:a==="for"&&u!=="label"&&u!=="output":!1},Po=function(a){Ve&&Js(a,u=>{let h=ee(u);if(h===j.processingInstruction||h===j.comment&&Y($n,u.data)){try{A(u)}catch{}return!1}if(h===j.element){let m=u,w=H(ae(u));try{m.hasAttribute&&m.hasAttribute("patchsrc")&&m.removeAttribute("patchsrc"),m.hasAttribute&&m.hasAttribute("for")&&mr("for",w)&&m.removeAttribute("for")}catch{}}return!0})},br=function(a){let u=null,h=null;if(Fs)a="<remove></remove>"+a;else{let E=ka(a,Ba);h=E&&E[0]}Rt==="application/xhtml+xml"&&dt===Ee&&(a='<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body>'+a+"</body></html>");let m=Z?_t(a):a;if(dt===Ee)try{u=new d().parseFromString(m,Rt)}catch{}if(!u||!u.documentElement){u=Ds.createDocument(dt,"template",null);try{u.documentElement.innerHTML=Ys?ke:m}catch{}}let w=u.body||u.documentElement;return a&&h&&w.insertBefore(t.createTextNode(h),w.childNodes[0]||null),dt===Ee?oo.call(u,Ke?"html":"body")[0]:Ke?u.documentElement:w},ss=function(a){let u=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,h=Me?Me(a):a.ownerDocument;return ro.call(h||a,a,(u?0:l.SHOW_ELEMENT)|l.SHOW_COMMENT|l.SHOW_TEXT|l.SHOW_PROCESSING_INSTRUCTION|l.SHOW_CDATA_SECTION,null)},si=function(a){return a=Ts(a,lo," "),a=Ts(a,co," "),a=Ts(a,uo," "),a},ii=function(a){var u;ri(a);let h=(u=a.querySelectorAll)===null||u===void 0?void 0:u.call(a,"template");h&&Le(h,m=>{gt(m.content)&&ii(m.content)})},ri=function(a){a.normalize();let u=ss(a,!0),h=u.nextNode();for(;h;)h.data=si(h.data),h=u.nextNode()},is=function(a){let u=pe?pe(a):null;return typeof u!="string"||H(u)!=="form"?!1:typeof a.nodeName!="string"||typeof a.textContent!="string"||typeof a.removeChild!="function"||a.attributes!==L(a)||typeof a.removeAttribute!="function"||typeof a.removeAttributeNode!="function"||typeof a.getAttributeNode!="function"||typeof a.setAttribute!="function"||typeof a.namespaceURI!="string"||typeof a.insertBefore!="function"||typeof a.hasChildNodes!="function"||a.nodeType!==me(a)||a.childNodes!==S(a)},yr=function(a){if(!me||typeof a!="object"||a===null)return null;try{let u=me(a);return typeof u=="number"?u:null}catch{return null}},gt=function(a){return yr(a)===j.documentFragment},It=function(a){return yr(a)!==null};function be(f,a,u){f.length!==0&&Le(f,h=>{h.call(e,a,u,ts)})}let No=function(a,u,h){return!!(Ve&&h===j.element&&a.hasChildNodes()&&!It(a.firstElementChild)&&Y(Li,a.textContent)&&Y(Li,a.innerHTML)||Ve&&Wa[u]&&h===j.element&&Ue(a)===Ee&&(It(a.firstElementChild)||typeof a.textContent=="string"&&Y(Li,a.textContent))||h===j.processingInstruction||Ve&&h===j.comment&&Y($n,a.data))},rs=function(a,u){if(a instanceof RegExp)return Y(a,u);if(a instanceof Function){for(var h=arguments.length,m=new Array(h>2?h-2:0),w=2;w<h;w++)m[w-2]=arguments[w];return!!a(u,...m)}return!1},Mo=function(a,u,h){if(!St[u]&&kr(u)&&rs(Ae.tagNameCheck,u))return!1;if(Ws&&!Xe[u]&&!Xe[nt(u)]){let m=I(a),w=S(a);if(w&&m){let E=w.length;for(let R=E-1;R>=0;--R){let W=a===h?$(w[R],!0):w[R];m.insertBefore(W,P(a))}}}return He(a),!0},$r=function(a,u,h,m){return a.length===0?u:u===h||u===m?Ft(u):u},mt=function(a,u){return a===u||I(a)!==null?!1:(Gs&&ei(a),!0)},Do=function(a,u){if(Lo(a),be(D.beforeSanitizeElements,a,null),mt(a,u))return!0;if(is(a))return He(a),!0;let h=H(ae(a)),m=ee(a);if(U=$r(D.uponSanitizeElement,U,Us,Zt),be(D.uponSanitizeElement,a,{tagName:h,allowedTags:U}),mt(a,u))return!0;if(No(a,h,m))return He(a),!0;if(St[h]||!(ze.tagCheck instanceof Function&&ze.tagCheck(h))&&!U[h]){let w=Mo(a,h,u);return w===!1&&(be(D.afterSanitizeElements,a,null),mt(a,u))?!0:w}if(m===j.element&&!So(a)||(h==="noscript"||h==="noembed"||h==="noframes")&&Y(qa,a.innerHTML))return He(a),!0;if(Se&&m===j.text){let w=a.textContent,E=si(w);w!==E&&(Ht(e.removed,{element:a.cloneNode()}),a.textContent=E)}return be(D.afterSanitizeElements,a,null),mt(a,u)},vr=function(a,u,h){if(Ji[u]||mr(u,a)||sr&&(u==="id"||u==="name")&&(h in t||h in Eo))return!1;let m=z[u]||ze.attributeCheck instanceof Function&&ze.attributeCheck(u,a);if(Hs&&Y(po,u)||er&&Y(ho,u))return!0;if(!m)return kr(a)&&rs(Ae.tagNameCheck,a)&&rs(Ae.attributeNameCheck,u,a)||u==="is"&&Ae.allowCustomizedBuiltInElements&&rs(Ae.tagNameCheck,h);if(lr[u])return!0;let w=Ts(h,go,"");return Y(Qi,w)||(u==="src"||u==="xlink:href"||u==="href")&&a!=="script"&&Si(h,"data:")===0&&or[a]||tr&&!Y(fo,w)?!0:!h},Uo=C({},["annotation-xml","color-profile","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","missing-glyph"]),kr=function(a){return!Uo[nt(a)]&&Y(mo,a)},zo=function(a,u,h,m){if(Z&&typeof p=="object"&&typeof p.getAttributeType=="function"&&!h)switch(p.getAttributeType(a,u)){case"TrustedHTML":return _t(m);case"TrustedScriptURL":return so(m)}return m},Ho=function(a,u,h,m){try{return h?a.setAttributeNS(h,u,m):a.setAttribute(u,m),is(a)?(He(a),!1):!0}catch{return ft(u,a),!1}},wr=function(a,u){return Ve&&Y(Fa,u)?!0:nt(a)==="attributename"&&Si(u,"href")!==-1},jo=function(a,u){if(be(D.beforeSanitizeAttributes,a,null),mt(a,u))return;let h=a.attributes;if(!h||is(a))return;z=$r(D.uponSanitizeAttribute,z,zs,Xt);let m={attrName:"",attrValue:"",keepAttr:!0,allowedAttributes:z,forceKeepAttr:void 0},w=h.length,E=H(ae(a));for(;w--;){let R=h[w],W=R.name,Re=R.namespaceURI,ye=R.value,he=H(W),xe=ye,X=W==="value"?xe:wa(xe),Ar=!1;if(m.attrName=he,m.attrValue=X,m.keepAttr=!0,m.forceKeepAttr=void 0,be(D.uponSanitizeAttribute,a,m),X=m.attrValue,ir&&(he==="id"||he==="name")&&Si(X,rr)!==0&&(ft(W,a,R),X=rr+X,Ar=!0),wr(W,X)){ft(W,a,R);continue}if(!m.forceKeepAttr){if(!m.keepAttr){ft(W,a,R);continue}if(!js&&Y(vn,X)){ft(W,a,R);continue}if(Se&&(X=si(X)),!vr(E,he,X)){ft(W,a,R);continue}X=zo(E,he,Re,X),X!==xe&&Ho(a,W,Re,X)&&Ar&&pn(e.removed)}}be(D.afterSanitizeAttributes,a,null),mt(a,u)},ni=function(a,u){Do(a,u),jo(a,u),gt(a.content)&&oi(a.content)},oi=function(a){let u=null,h=ss(a);for(be(D.beforeSanitizeShadowDOM,a,null);u=h.nextNode();)if(be(D.uponSanitizeShadowNode,u,null),ni(u,a),ee(u)===j.element){let m=ue(u);gt(m)&&(ai(m),oi(m))}Se&&ri(a),be(D.afterSanitizeShadowDOM,a,null)},ai=function(a){let u=[{node:a,shadow:null}];for(;u.length>0;){let h=u.pop();if(h.shadow){oi(h.shadow);continue}let m=h.node,w=ee(m)===j.element,E=S(m);if(E)for(let R=E.length-1;R>=0;--R)u.push({node:E[R],shadow:null});if(w){let R=pe?pe(m):null;if(typeof R=="string"&&H(R)==="template"){let W=m.content;gt(W)&&u.push({node:W,shadow:null})}}if(w){let R=ue(m);gt(R)&&u.push({node:null,shadow:R},{node:R,shadow:null})}}};return e.sanitize=function(f){let a=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},u=null,h=null,m=null,w=null;if(Ys=!f,Ys&&(f="<!-->"),typeof f!="string"&&!It(f)&&(f=_a(f),typeof f!="string"))throw Pe("dirty is not a string, aborting");if(!e.isSupported)return f;qs?(U=Zt,z=Xt):Zs(a),e.removed=[];let E=Gs&&typeof f!="string"&&It(f),R=[],W=Ze;if(E){Po(f);let xe=ae(f);if(typeof xe=="string"){let X=H(xe);if(!U[X]||St[X])throw Xs(f),Pe("root node is forbidden and cannot be sanitized in-place")}if(is(f))throw Xs(f),Pe("root node is clobbered and cannot be sanitized in-place");R=ti(f),Ze=xi()}else if(It(f))u=br("<!---->"),h=u.ownerDocument.importNode(f,!0),h.nodeType===j.element&&h.nodeName==="BODY"||h.nodeName==="HTML"?u=h:u.appendChild(h),ai(u);else{if(!pt&&!Se&&!Ke&&f.indexOf("<")===-1)return Xi(f);if(u=br(f),!u)return pt?null:Bs?ke:""}u&&Fs&&He(u.firstChild);let Re=E?f:u;try{E&&ai(f);let xe=ss(Re);for(;m=xe.nextNode();)ni(m,Re);E&&Co(f,R)}catch(xe){throw E&&(Xs(f),gr(f,R)),xe}finally{Ze=W}if(E){if(gr(f,R))throw Pe("a node selected for removal could not be safely returned; refusing to sanitize in place");return Se&&ii(f),f}if(pt){if(Se&&ii(u),Qt)for(w=no.call(u.ownerDocument);u.firstChild;)w.appendChild(u.firstChild);else w=u;return(z.shadowroot||z.shadowrootmode)&&(w=ao.call(s,w,!0)),w}let ye=()=>Ke?u.outerHTML:u.innerHTML,he=ye();return Se&&Y(Na,he)&&(ri(u),he=ye()),Ke&&U["!doctype"]&&u.ownerDocument&&u.ownerDocument.doctype&&u.ownerDocument.doctype.name&&Y(Ha,u.ownerDocument.doctype.name)&&(he="<!DOCTYPE "+u.ownerDocument.doctype.name+`>
`+he),Xi(he)},e.setConfig=function(){let f=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};Zs(f),qs=!0,Zt=U,Xt=z},e.clearConfig=function(){ts=null,qs=!1,Zt=null,Xt=null,Z=we,ke=""},e.isValidAttribute=function(f,a,u){ts||Zs({});let h=H(f),m=H(a);return typeof u=="string"&&(wr(a,u)||!js&&Y(vn,u))?!1:vr(h,m,u)},e.addHook=function(f,a){typeof a=="function"&&se(D,f)&&Ht(D[f],a)},e.removeHook=function(f,a){if(se(D,f)){if(a!==void 0){let u=ya(D[f],a);return u===-1?void 0:va(D[f],u,1)[0]}return pn(D[f])}},e.removeHooks=function(f){se(D,f)&&(D[f]=[])},e.removeAllHooks=function(){D=kn()},e}var Sn=_n();function zi(){return{async:!1,breaks:!1,extensions:null,gfm:!0,hooks:null,pedantic:!1,renderer:null,silent:!1,tokenizer:null,walkTokens:null}}var ut=zi();function zn(i){ut=i}var at={exec:()=>null};function ot(i){let e=[];return t=>{let s=Math.max(0,Math.min(3,t-1)),r=e[s];return r||(r=i(s),e[s]=r),r}}function T(i,e=""){let t=typeof i=="string"?i:i.source,s={replace:(r,n)=>{let o=typeof n=="string"?n:n.source;return o=o.replace(G.caret,"$1"),t=t.replace(r,o),s},getRegex:()=>new RegExp(t,e)};return s}var Hn=((i="")=>{try{return!!new RegExp("(?<=1)(?<!1)"+i)}catch{return!1}})(),G={codeRemoveIndent:/^(?: {0,3}\t| {1,4})/gm,listInterruptsParagraph:/^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/,outputLinkReplace:/\\([\[\]])/g,indentCodeCompensation:/^(\s+)(?:```)/,beginningSpace:/^\s+/,endingHash:/#$/,startingSpaceChar:/^ /,endingSpaceChar:/ $/,endingSpaceTabChar:/[ \t]$/,nonSpaceChar:/[^ ]/,newLineCharGlobal:/\n/g,tabCharGlobal:/\t/g,leadingSpaceTab:/^[ \t]+/,multipleSpaceGlobal:/\s+/g,blankLine:/^[ \t]*$/,doubleBlankLine:/\n[ \t]*\n[ \t]*$/,blockquoteStart:/^ {0,3}>/,blockquoteSetextReplace:/\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g,blockquoteSetextReplace2:/^ {0,3}>[ \t]?/gm,blockquoteMarkerWhitespace:/^( {0,3}>)(\t[ \t]*)/gm,nestedBlockMarker:/^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/,listReplaceNesting:/^ {1,4}(?=( {4})*[^ ])/g,listIsTask:/^\[[ xX]\][ \t]+\S/,listReplaceTask:/^\[[ xX]\][ \t]+/,listTaskCheckbox:/\[[ xX]\]/,anyLine:/\n.*\n/,hrefBrackets:/^<(.*)>$/,tableDelimiter:/[:|]/,tableAlignChars:/^\||\| *$/g,tableRowBlankLine:/\n[ \t]*$/,tableAlignRight:/^ *-+: *$/,tableAlignCenter:/^ *:-+: *$/,tableAlignLeft:/^ *:-+ *$/,startATag:/^<a /i,endATag:/^<\/a>/i,startPreScriptTag:/^<(pre|code|kbd|script)(\s|>)/i,endPreScriptTag:/^<\/(pre|code|kbd|script)(\s|>)/i,startAngleBracket:/^</,endAngleBracket:/>$/,pedanticHrefTitle:/^([^'"]*[^\s])\s+(['"])(.*)\2/,unicodeAlphaNumeric:/[\p{L}\p{N}]/u,numericCharacterReference:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/,numericCharacterReferenceOrAmpersand:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,escapeTest:/[&<>"']/,escapeReplace:/[&<>"']/g,escapeTestNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/,escapeReplaceNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,caret:/(^|[^\[])\^/g,percentDecode:/%25/g,findPipe:/\|/g,splitPipe:/ \|/,slashPipe:/\\\|/g,carriageReturn:/\r\n|\r/g,spaceLine:/^ +$/gm,notSpaceStart:/^\S*/,endingNewline:/\n$/,listItemRegex:i=>new RegExp(`^( {0,3}${i})((?:[	 ][^\\n]*)?(?:\\n|$))`),nextBulletRegex:ot(i=>new RegExp(`^ {0,${i}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)),hrRegex:ot(i=>new RegExp(`^ {0,${i}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)),fencesBeginRegex:ot(i=>new RegExp(`^ {0,${i}}(?:\`\`\`|~~~)`)),headingBeginRegex:ot(i=>new RegExp(`^ {0,${i}}#{1,6}(?:\\s|$)`)),pedanticHeadingBeginRegex:ot(i=>new RegExp(`^ {0,${i}}#`)),htmlBeginRegex:ot(i=>new RegExp(`^ {0,${i}}(?:</?(?:${ji})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,"i")),blockquoteBeginRegex:ot(i=>new RegExp(`^ {0,${i}}>`)),nestedContainerMarkers:/^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/},Va=/^(?:[ \t]*(?:\n|$))+/,Ka=/^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/,Za=/^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/,Gt=/^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/,Xa=/^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/,Hi=/ {0,3}(?:[*+-]|\d{1,9}[.)])/,ji="address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul",Yt=T(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag",ji).getRegex(),jn=/^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/,qn=T(jn).replace(/bull/g,Hi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g,"").replace(/html/g,Yt).getRegex(),Qa=T(jn).replace(/bull/g,Hi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g,/ {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g,Yt).getRegex(),qi=/^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/,Ja=/^[^\n]+/,Fi=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/,el=T(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label",Fi).replace("title",/(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex(),tl=T(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g,Hi).getRegex(),Bi=/<!--(?:-?>|[\s\S]*?(?:-->|$))/,sl=T("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))","i").replace("comment",Bi).replace("tag",ji).replace("attribute",/[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex(),Fn=i=>T(qi).replace("hr",Gt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("|table","").replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list",i).replace("html",Yt).getRegex(),il=Fn(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/),rl=Fn(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/),nl=T(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph",rl).getRegex(),Wi={blockquote:nl,code:Ka,def:el,fences:Za,heading:Xa,hr:Gt,html:sl,lheading:qn,list:tl,newline:Va,paragraph:il,table:at,text:Ja},Rn=T("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr",Gt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("blockquote"," {0,3}>").replace("code","(?: {4}| {0,3}	)[^\\n]").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html",Yt).getRegex(),ol={...Wi,lheading:Qa,table:Rn,paragraph:T(qi).replace("hr",Gt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("table",Rn).replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html",Yt).getRegex()},al={...Wi,html:T(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment",Bi).replace(/tag/g,"(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(),def:/^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/,heading:/^(#{1,6})(.*)(?:\n+|$)/,fences:at,lheading:/^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/,paragraph:T(qi).replace("hr",Gt).replace("heading",` *#{1,6} *[^
]`).replace("|table","").replace("blockquote"," {0,3}>").replace("|fences","").replace("|list","").replace("|html","").replace("|tag","").replace("lheading",qn).getRegex()},ll=/^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/,cl=/^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/,Bn=/^( {2,}|\\)\n(?!\s*$)[ \t]*/,ul=/^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/,Te=/[\p{P}\p{S}]/u,xt=/[\s\p{P}\p{S}]/u,Vt=/[^\s\p{P}\p{S}]/u,pl=T(/^((?![*_])punctSpace)/,"u").replace(/punctSpace/g,xt).getRegex(),hl=/[\p{Pi}\p{Ps}"']/u,Wn=/(?!~)[\p{P}\p{S}]/u,dl=/(?!~)[\s\p{P}\p{S}]/u,fl=/(?:[^\s\p{P}\p{S}]|~)/u,gl=T(/link|precode-code|html/,"g").replace("link",/\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-",Hn?"(?<!`)()":"(^^|[^`])").replace("code",/(?<b>`+)[^`]+\k<b>(?!`)/).replace("html",/<(?! )[^<>]*?>/).getRegex(),Gn=/^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/,ml=T(Gn,"u").replace(/punct/g,Te).getRegex(),bl=T(Gn,"u").replace(/punct/g,Wn).getRegex(),yl=/^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/,$l=T(yl,"u").replace(/openQuote/g,hl).replace(/punct/g,Te).getRegex(),Yn="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)",vl=T(Yn,"gu").replace(/notPunctSpace/g,Vt).replace(/punctSpace/g,xt).replace(/punct/g,Te).getRegex(),kl=T(Yn,"gu").replace(/notPunctSpace/g,fl).replace(/punctSpace/g,dl).replace(/punct/g,Wn).getRegex(),wl="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)",Al=T(wl,"gu").replace(/notPunctSpace/g,Vt).replace(/punctSpace/g,xt).replace(/punct/g,Te).getRegex(),El=T("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)","gu").replace(/notPunctSpace/g,Vt).replace(/punctSpace/g,xt).replace(/punct/g,Te).getRegex(),xl="^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)",Tl=T(xl,"gu").replace(/notPunctSpace/g,Vt).replace(/punctSpace/g,xt).replace(/punct/g,Te).getRegex(),_l=T(/^~~?(?:((?!~)punct)|[^\s~])/,"u").replace(/punct/g,Te).getRegex(),Sl="^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)",Rl=T(Sl,"gu").replace(/notPunctSpace/g,Vt).replace(/punctSpace/g,xt).replace(/punct/g,Te).getRegex(),Il=T(/\\(punct)/,"gu").replace(/punct/g,Te).getRegex(),Cl=T(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/,"gu").replace(/punct/g,Te).getRegex(),Ol=T(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme",/[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email",/[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex(),Ll=T(Bi).replace("(?:-->|$)","-->").getRegex(),Pl=T("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment",Ll).replace("attribute",/\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex(),Vn=/\[(?:\\[\s\S]|[^\[\]\\])*\]/,Os=T(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets",Vn).getRegex(),Nl=T(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label",Os).replace("href",/<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title",/"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex(),Ml=T(/^!?\[(label)\]\[(ref)\]/).replace("label",Os).replace("ref",Fi).getRegex(),Dl=T(/^!?\[(ref)\](?:\[\])?/).replace("ref",Fi).getRegex(),In=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/,Ul=T(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets",Vn).getRegex(),zl=T("reflink|nolink(?!\\()","g").replace("reflink",T(/^!?\[(label)\]\[(ref)\]/).replace("label",Ul).replace("ref",In).getRegex()).replace("nolink",T(/^!?\[(ref)\](?:\[\])?/).replace("ref",In).getRegex()).getRegex(),Cn=/[hH][tT][tT][pP][sS]?|[fF][tT][pP]/,Hl=/[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/,jl=T(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g,Hl).getRegex(),Gi={_backpedal:at,anyPunctuation:Il,anyPunctuationOutsideCode:Cl,autolink:Ol,blockSkip:gl,br:Bn,code:cl,del:at,delLDelim:at,delRDelim:at,emStrongLDelim:ml,emStrongRDelimAst:vl,emStrongRDelimUnd:El,escape:ll,link:Nl,nolink:Dl,punctuation:pl,reflink:Ml,reflinkSearch:zl,tag:Pl,text:ul,url:at},ql={...Gi,emStrongLDelim:$l,emStrongRDelimAst:Al,emStrongRDelimUnd:Tl,link:T(/^!?\[(label)\]\((.*?)\)/).replace("label",Os).getRegex(),reflink:T(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label",Os).getRegex()},Mi={...Gi,emStrongRDelimAst:kl,emStrongLDelim:bl,delLDelim:_l,delRDelim:Rl,url:T(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol",jl).replace("protocol",Cn).replace("email",/[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(),_backpedal:/(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/,del:/^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/,text:T(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol",Cn).replace(/emailProtocol/g,/(?:mailto|xmpp):/).replace("wwwStart",Hn?"(?<![^\\s*_~(])www\\.":"www\\.").getRegex()},Fl={...Mi,br:T(Bn).replace("{2,}","*").getRegex(),text:T(Mi.text).replace("\\b_","\\b_| {2,}\\n").replace(/\{2,\}/g,"*").getRegex()},Is={normal:Wi,gfm:ol,pedantic:al},Bt={normal:Gi,gfm:Mi,breaks:Fl,pedantic:ql},Bl={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"},On=i=>Bl[i];function fe(i,e){if(e){if(G.escapeTest.test(i))return i.replace(G.escapeReplace,On)}else if(G.escapeTestNoEncode.test(i))return i.replace(G.escapeReplaceNoEncode,On);return i}function Wl(i){return G.numericCharacterReference.test(i)?i.replace(G.numericCharacterReferenceOrAmpersand,(e,t,s)=>{if(t===void 0&&s===void 0)return"&amp;";let r=t===void 0?Number.parseInt(s,16):Number.parseInt(t,10);return r===0||r>1114111||r>=55296&&r<=57343?"�":r===38?"&amp;":String.fromCodePoint(r)}):i}function Ln(i){try{i=encodeURI(i).replace(G.percentDecode,"%")}catch{return null}return i}function Pn(i,e){let t=i.replace(G.findPipe,(n,o,c)=>{let l=!1,d=o;for(;--d>=0&&c[d]==="\\";)l=!l;return l?"|":" |"}),s=t.split(G.splitPipe),r=0;if(s[0].trim()||s.shift(),s.length>0&&!s.at(-1)?.trim()&&s.pop(),e)if(s.length>e)s.splice(e);else for(;s.length<e;)s.push("");for(;r<s.length;r++)s[r]=s[r].trim().replace(G.slashPipe,"|");return s}function Ne(i,e,t){let s=i.length;if(s===0)return"";let r=0;for(;r<s;){let n=i.charAt(s-r-1);if(n===e&&!t)r++;else if(n!==e&&t)r++;else break}return i.slice(0,s-r)}function Nn(i){let e=i.split(`
`),t=e.length-1;for(;t>=0&&G.blankLine.test(e[t]);)t--;return e.length-t<=2?i:e.slice(0,t+1).join(`
`)}function Ls(i){return i.trim().replace(G.multipleSpaceGlobal," ").toLowerCase().toUpperCase().toLowerCase()}function Mn(i,e){if(i.indexOf(e[0])===-1&&i.indexOf(e[1])===-1)return-1;let t=0;for(let s=0;s<i.length;s++)if(i[s]==="\\")s++;else if(i[s]===e[0])t++;else if(i[s]===e[1]&&(t--,t<0))return s;return t>0?-2:-1}var Et=new WeakMap;function Yi(i){let e={"*":-1,_:-1},t=-1,s=i.length;for(let r=0;r<s;r++){let n=i[r];if(n!=="*"&&n!=="_"&&n!=="~")continue;let o=r===0?`
`:i[r-1],c=r+1;for(;c<s&&i[c]===n;)c++;o!==" "&&o!=="	"&&o!==`
`&&o!=="\r"&&o!=="\f"&&(n==="~"?t=r:e[n]=r),r=c-1}return{maskedSrc:i,lastPossibleEmStrongCloserIndex:e,lastPossibleDelCloserIndex:t}}function Gl(i,e){let t=Yi(e),s=Et.get(i);s?s.push(t):Et.set(i,[t])}function Yl(i){let e=Et.get(i);e&&(e.pop(),e.length===0&&Et.delete(i))}function Kn(i,e,t){let s=Et.get(i)?.at(-1);return s&&s.maskedSrc===e?s.lastPossibleEmStrongCloserIndex[t]:Yi(e).lastPossibleEmStrongCloserIndex[t]}function Zn(i,e){let t=Et.get(i)?.at(-1);return t&&t.maskedSrc===e?t.lastPossibleDelCloserIndex:Yi(e).lastPossibleDelCloserIndex}function Cs(i,e=0){let t=e,s="";for(let r of i)if(r==="	"){let n=4-t%4;s+=" ".repeat(n),t+=n}else s+=r,t++;return s}function Vl(i,e){let t="";for(let s=0;s<i.length;s++){if(i[s]==="`"){let r=e.inline.code.exec(i.slice(s));if(r){t+=r[0],s+=r[0].length-1;continue}}if(i[s]==="\\"&&(i[s+1]==="["||i[s+1]==="]")){t+=i[s+1],s++;continue}t+=i[s]}return t}function Dn(i,e,t,s,r){let n=e.href,o=e.title||null,c=Vl(i[1],r),l=i[0].charAt(0)==="!",d=s.state.inLink,p=s.state.linkEmitted,b=s.state.inRawBlock;s.state.inLink=!0,s.state.linkEmitted=!1;let $=s.inlineTokens(c),A=s.state.linkEmitted;if(s.state.linkEmitted=p,s.state.inLink=d,!l){if(A){s.state.inRawBlock=b;return}s.state.linkEmitted=!0}return{type:l?"image":"link",raw:t,href:n,title:o,text:c,tokens:$}}function Kl(i,e,t){let s=i.match(t.other.indentCodeCompensation);if(s===null)return e;let r=s[1];return e.split(`
`).map(n=>{let o=n.match(t.other.beginningSpace);if(o===null)return n;let[c]=o;return n.slice(Math.min(c.length,r.length))}).join(`
`)}function Un(i,e,t,s){if(!e.includes("<"))return!1;for(let r=0;r<e.length;r++){if(e[r]==="\\"){r++;continue}if(e[r]==="`"){let c=s.inline.code.exec(e.slice(r));if(c){r+=c[0].length-1;continue}}if(e[r]!=="<")continue;let n=i.slice(t+r),o=s.inline.tag.exec(n)||s.inline.autolink.exec(n);if(o){if(o[0].length>e.length-r)return!0;r+=o[0].length-1}}return!1}var lt=class{options;rules;lexer;constructor(i){this.options=i||ut}space(i){let e=this.rules.block.newline.exec(i);if(e&&e[0].length>0)return{type:"space",raw:e[0]}}code(i){let e=this.rules.block.code.exec(i);if(e){let t=this.options.pedantic?e[0]:Nn(e[0]),s=t.replace(this.rules.other.codeRemoveIndent,"");return{type:"code",raw:t,codeBlockStyle:"indented",text:s}}}fences(i){let e=this.rules.block.fences.exec(i);if(e){let t=e[0],s=Kl(t,e[3]||"",this.rules);return e[3]!==void 0&&(s===""||s.endsWith(`
`))&&(s+=`
`),{type:"code",raw:t,lang:e[2]?e[2].trim().replace(this.rules.inline.anyPunctuation,"$1"):e[2],text:s}}}heading(i){let e=this.rules.block.heading.exec(i);if(e){let t=e[2].trim();if(this.rules.other.endingHash.test(t)){let s=Ne(t,"#");(this.options.pedantic||!s||this.rules.other.endingSpaceTabChar.test(s))&&(t=s.trim())}return{type:"heading",raw:Ne(e[0],`
`),depth:e[1].length,text:t,tokens:this.lexer.inline(t)}}}hr(i){let e=this.rules.block.hr.exec(i);if(e)return{type:"hr",raw:Ne(e[0],`
`)}}blockquote(i){let e=this.rules.block.blockquote.exec(i);if(e){let t=Ne(e[0],`
`).split(`
`),s="",r="",n=[];for(;t.length>0;){let o=!1,c=[],l;for(l=0;l<t.length;l++)if(this.rules.other.blockquoteStart.test(t[l]))c.push(t[l]),o=!0;else if(!o)c.push(t[l]);else break;t=t.slice(l);let d=c.join(`
`),p=d.replace(this.rules.other.blockquoteMarkerWhitespace,(A,_,P)=>P.startsWith(" ")?_+" "+P.slice(1):_+Cs(P,_.length)).replace(this.rules.other.blockquoteSetextReplace,`
    $1`).replace(this.rules.other.blockquoteSetextReplace2,"");s=s?`${s}
${d}`:d,r=r?`${r}
${p}`:p;let b=this.lexer.state.top;if(this.lexer.state.top=!0,this.lexer.blockTokens(p,n,!0),this.lexer.state.top=b,t.length===0)break;let $=n.at(-1);if($?.type==="code"||$?.type==="heading"||$?.type==="hr"||$?.type==="html"||$?.type==="table")break;if($?.type==="blockquote"){let A=$,_=t.join(`
`),P=A.raw+`
`+_.replace(this.rules.other.blockquoteSetextReplace2,""),S=this.blockquote(P);n[n.length-1]=S;let I=P.substring(S.raw.length).replace(/^\n/,""),ue=I?I.split(`
`).length:0,L=ue?t.slice(0,-ue):t;if(L.length>0&&(s=`${s}
${L.join(`
`)}`),r=r.substring(0,r.length-A.text.length)+S.text,t=t.slice(L.length),t.length>0&&this.rules.other.blockquoteStart.test(t[0]))continue;break}else if($?.type==="list"){let A=$,_=A.raw+`
`+t.join(`
`),P=this.list(_);n[n.length-1]=P;let S=P.raw.length>A.raw.length?_.slice(A.raw.length+1,P.raw.length).split(`
`).length:0;if(S>0){let I=t.slice(0,S).join(`
`);s=`${s}
${I}`,r=`${r}
${I}`}if(t=t.slice(S),t.length>0&&!this.rules.other.blockquoteStart.test(t[0]))break;continue}}return{type:"blockquote",raw:s,tokens:n,text:r}}}list(i){let e=this.rules.block.list.exec(i);if(e){if(!this.options.pedantic&&this.lexer.state.lastToken?.type==="text"&&!this.rules.other.listInterruptsParagraph.test(i))return;let t=i,s=()=>t.length-i.length,r=e[1].trim(),n=r.length>1,o={type:"list",raw:"",ordered:n,start:n?+r.slice(0,-1):"",loose:!1,items:[]};r=n?`\\d{1,9}\\${r.slice(-1)}`:`\\${r}`,this.options.pedantic&&(r=n?r:"[*+-]");let c=this.rules.other.listItemRegex(r),l=!1;for(;i;){let b=!1,$="";if(!(e=c.exec(i))||this.rules.block.hr.test(i))break;let A=s();i=i.substring(e[0].length);let _=e[2].split(`
`,1)[0],P=e[1].length,S=this.options.pedantic?Cs(_,P):_.replace(this.rules.other.leadingSpaceTab,pe=>Cs(pe,P)),I=i.split(`
`,1)[0],ue=!S.trim(),L=0;if(this.options.pedantic?(L=2,$=S.trimStart()):ue?L=P+1:(L=S.search(this.rules.other.nonSpaceChar),L=L>4?1:L,$=S.slice(L),L+=P),ue&&this.rules.other.blankLine.test(I)&&(i=i.substring(I.length+1),b=!0),!b){let pe=this.rules.other.nextBulletRegex(L),Me=this.rules.other.hrRegex(L),ee=this.rules.other.fencesBeginRegex(L),ae=this.options.pedantic?this.rules.other.pedanticHeadingBeginRegex(L):this.rules.other.headingBeginRegex(L),De=this.rules.other.htmlBeginRegex(L),Ue=this.rules.other.blockquoteBeginRegex(L),Z=!1;for(;i;){let ke=i.split(`
`,1)[0],we;if(I=ke,this.options.pedantic?(I=I.replace(this.rules.other.listReplaceNesting,"  "),we=I):we=I.replace(this.rules.other.leadingSpaceTab,ie=>Cs(ie)),ee.test(I)||ae.test(I)||De.test(I)||Ue.test(I)||pe.test(I)||Me.test(I))break;if(we.search(this.rules.other.nonSpaceChar)>=L||!I.trim())$+=`
`+we.slice(L),Z=!1;else{if(ue)break;let ie=S;if(!this.options.pedantic&&!$.includes(`
`)&&!S.includes("	")){let _e;for(;!Me.test(ie)&&(_e=this.rules.other.nestedBlockMarker.exec(ie));)ie=ie.slice(_e[0].length);if(!ie.trim())break}if(ie.replace(this.rules.other.tabCharGlobal,"    ").search(this.rules.other.nonSpaceChar)>=4||ee.test(ie)||ae.test(ie)||De.test(ie)||Me.test(ie))break;if(!this.options.pedantic&&!Z){let _e=S.replace(this.rules.other.nestedContainerMarkers,"");if(this.rules.block.fences.test(_e)||this.rules.block.heading.test(_e)||this.rules.block.hr.test(_e))break}let Ye=!this.options.pedantic&&/^ {0,3}(?:=+|-+) *$/.test(I)&&this.rules.block.lheading.test(`${S}
${I}`)?`    ${we.replace(/^ {0,3}/,"")}`:I;$+=`
`+Ye,Z=!0}ue=!I.trim(),i=i.substring(ke.length+1),S=we.slice(L)}}let me=t.slice(A,s());o.loose||(l?o.loose=!0:this.rules.other.doubleBlankLine.test(me)&&(l=!0)),o.items.push({type:"list_item",raw:me,task:!!this.options.gfm&&this.rules.other.listIsTask.test($),loose:!1,text:$,tokens:[]})}let d=o.items.at(-1);if(d)d.raw=d.raw.trimEnd(),d.text=d.text.trimEnd();else return;o.raw=t.slice(0,s()).trimEnd();let p=[];for(let b of o.items)if(this.lexer.state.top=!1,p.push(this.lexer.inlineQueue.length),b.tokens=this.lexer.blockTokens(b.text,[]),!o.loose){let $=b.tokens.filter(_=>_.type==="space"),A=$.length>0&&$.some(_=>this.rules.other.anyLine.test(_.raw));o.loose=A}for(let b=0;b<o.items.length;b++){let $=o.items[b],A=$.tokens[0];if($.task&&(A?.type==="text"||A?.type==="paragraph")){$.text=$.text.replace(this.rules.other.listReplaceTask,""),A.raw=A.raw.replace(this.rules.other.listReplaceTask,""),A.text=A.text.replace(this.rules.other.listReplaceTask,"");let _=this.lexer.inlineQueue;for(let S=p[b];S<_.length;S++)if(_[S].tokens===A.tokens){_[S].src=_[S].src.replace(this.rules.other.listReplaceTask,"");break}let P=this.rules.other.listTaskCheckbox.exec($.raw);if(P){let S={type:"checkbox",raw:P[0]+" ",checked:P[0]!=="[ ]"};$.checked=S.checked,o.loose?$.tokens[0]&&["paragraph","text"].includes($.tokens[0].type)&&"tokens"in $.tokens[0]&&$.tokens[0].tokens?($.tokens[0].raw=S.raw+$.tokens[0].raw,$.tokens[0].text=S.raw+$.tokens[0].text,$.tokens[0].tokens.unshift(S)):$.tokens.unshift({type:"paragraph",raw:S.raw,text:S.raw,tokens:[S]}):$.tokens.unshift(S)}}else $.task&&($.task=!1)}if(o.loose)for(let b of o.items){b.loose=!0;for(let $ of b.tokens)$.type==="text"&&($.type="paragraph")}return o}}html(i){let e=this.rules.block.html.exec(i);if(e){if(this.lexer.state.lastToken?.type==="paragraph"&&!this.rules.other.htmlBeginRegex(4).test(i))return;let t=Nn(e[0]);return{type:"html",block:!0,raw:t,pre:e[1]==="pre"||e[1]==="script"||e[1]==="style",text:t}}}def(i){let e=this.rules.block.def.exec(i);if(e){if(!this.rules.other.startAngleBracket.test(e[2])&&Mn(e[2],"()")!==-1)return;let t=Ls(e[1]),s=e[2]?e[2].replace(this.rules.other.hrefBrackets,"$1").replace(this.rules.inline.anyPunctuation,"$1"):"",r=e[3]?e[3].substring(1,e[3].length-1).replace(this.rules.inline.anyPunctuation,"$1"):e[3];return{type:"def",tag:t,raw:Ne(e[0],`
`),href:s,title:r}}}table(i){let e=this.rules.block.table.exec(i);if(!e||!this.rules.other.tableDelimiter.test(e[2]))return;let t=Pn(e[1]),s=e[2].replace(this.rules.other.tableAlignChars,"").split("|"),r=e[3]?.trim()?e[3].replace(this.rules.other.tableRowBlankLine,"").split(`
`):[],n={type:"table",raw:Ne(e[0],`
`),header:[],align:[],rows:[]};if(t.length===s.length){for(let o of s)this.rules.other.tableAlignRight.test(o)?n.align.push("right"):this.rules.other.tableAlignCenter.test(o)?n.align.push("center"):this.rules.other.tableAlignLeft.test(o)?n.align.push("left"):n.align.push(null);for(let o=0;o<t.length;o++)n.header.push({text:t[o],tokens:this.lexer.inline(t[o]),header:!0,align:n.align[o]});for(let o of r)n.rows.push(Pn(o,n.header.length).map((c,l)=>({text:c,tokens:this.lexer.inline(c),header:!1,align:n.align[l]})));return n}}lheading(i){let e=this.rules.block.lheading.exec(i);if(e){let t=e[1].trim();return{type:"heading",raw:Ne(e[0],`
`),depth:e[2].charAt(0)==="="?1:2,text:t,tokens:this.lexer.inline(t)}}}paragraph(i){let e=this.rules.block.paragraph.exec(i);if(e){let t=e[1].charAt(e[1].length-1)===`
`?e[1].slice(0,-1):e[1];return{type:"paragraph",raw:e[0],text:t,tokens:this.lexer.inline(t)}}}text(i){let e=this.rules.block.text.exec(i);if(e)return{type:"text",raw:e[0],text:e[0],tokens:this.lexer.inline(e[0])}}escape(i){if(i.charCodeAt(0)!==92)return;let e=this.rules.inline.escape.exec(i);if(e)return{type:"escape",raw:e[0],text:e[1]}}tag(i){if(i.charCodeAt(0)!==60)return;let e=this.rules.inline.tag.exec(i);if(e)return!this.lexer.state.inLink&&this.rules.other.startATag.test(e[0])?this.lexer.state.inLink=!0:this.lexer.state.inLink&&this.rules.other.endATag.test(e[0])&&(this.lexer.state.inLink=!1),!this.lexer.state.inRawBlock&&this.rules.other.startPreScriptTag.test(e[0])?this.lexer.state.inRawBlock=!0:this.lexer.state.inRawBlock&&this.rules.other.endPreScriptTag.test(e[0])&&(this.lexer.state.inRawBlock=!1),{type:"html",raw:e[0],inLink:this.lexer.state.inLink,inRawBlock:this.lexer.state.inRawBlock,block:!1,text:e[0]}}link(i){if(this.lexer.state.linkParenPossible===!1)return;let e=i.charCodeAt(0);if(e!==91&&e!==33)return;let t=this.rules.inline.link.exec(i);if(t){let s=t[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&Un(i,t[1],s,this.rules))return;let r=t[2].trim();if(!this.options.pedantic&&this.rules.other.startAngleBracket.test(r)){if(!this.rules.other.endAngleBracket.test(r))return;let l=Ne(r.slice(0,-1),"\\");if((r.length-l.length)%2===0)return}else{let l=Mn(t[2],"()");if(l===-2)return;if(l>-1){let d=(t[0].indexOf("!")===0?5:4)+t[1].length+l;t[2]=t[2].substring(0,l),t[0]=t[0].substring(0,d).trim(),t[3]=""}}let n=Ne(t[0].slice(0,-1),"\\");if((t[0].length-n.length)%2===0)return;let o=t[2],c="";if(this.options.pedantic){let l=this.rules.other.pedanticHrefTitle.exec(o);l&&(o=l[1],c=l[3])}else c=t[3]?t[3].slice(1,-1):"";return o=o.trim(),this.rules.other.startAngleBracket.test(o)&&(this.options.pedantic&&!this.rules.other.endAngleBracket.test(r)?o=o.slice(1):o=o.slice(1,-1)),Dn(t,{href:o&&o.replace(this.rules.inline.anyPunctuation,"$1"),title:c&&c.replace(this.rules.inline.anyPunctuation,"$1")},t[0],this.lexer,this.rules)}}reflink(i,e){let t=i.charCodeAt(0);if(t!==91&&t!==33)return;let s;if((s=this.rules.inline.reflink.exec(i))||(s=this.rules.inline.nolink.exec(i))){let r=s[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&Un(i,s[1],r,this.rules))return;let n=e[Ls(s[2]||s[1])];if(!n){let o=s[0].charAt(0);return{type:"text",raw:o,text:o}}return Dn(s,n,s[0],this.lexer,this.rules)}}emStrong(i,e,t=""){let s=this.rules.inline.emStrongLDelim.exec(i);if(!s||!s[1]&&!s[2]&&!s[3]&&!s[4])return;let r=s[0][0],n=t===r,o=e.length-i.length,c=o;for(;!this.options.pedantic&&c>0&&e[c-1]===r;)c--;let l=[...e.slice(Math.max(0,c-2),c)].at(-1)??"",d=l==="*"||l==="_"||!!this.rules.inline.punctuation.exec(l);c<o&&(t=l);let p=c<o?d:t==="*"||t==="_"||!!this.rules.inline.punctuation.exec(t);if(s[4]&&t.match(this.rules.other.unicodeAlphaNumeric))return;let b=s[1]||s[3]||"";if(!b||!t||p){let $=[...s[0]].length-1,A,_,P=$,S=0,I=o-c+$,ue=!this.options.pedantic&&!!l.trim()&&(!!b||r==="*"&&!d);if(r!=="*"&&r!=="_")return;let L=r==="*"?this.rules.inline.emStrongRDelimAst:this.rules.inline.emStrongRDelimUnd,me=Kn(this,e,r),pe=e.length-i.length+$;if(me<pe)return;e=e.slice(-1*i.length+$);let Me=me-pe;for(L.lastIndex=0;(s=L.exec(e))!==null&&!(s.index>Me);){if(A=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!A)continue;if(_=[...A].length,s[3]||s[4]){P+=_;continue}else if((s[5]||s[6]||ue)&&I%3&&!((I+_)%3)){if(n&&(s[5]||s[6]))break;S+=_;continue}if(P-=_,P>0)continue;_=Math.min(_,_+P+S);let ee=[...s[0]][0].length,ae=i.slice(0,$+s.index+ee+_);if(Math.min($,_)%2){let Ue=ae.slice(1,-1);return{type:"em",raw:ae,text:Ue,tokens:this.lexer.inlineTokens(Ue)}}let De=ae.slice(2,-2);return{type:"strong",raw:ae,text:De,tokens:this.lexer.inlineTokens(De)}}}}codespan(i){if(i.charCodeAt(0)!==96)return;let e=this.rules.inline.code.exec(i);if(e){let t=e[2].replace(this.rules.other.newLineCharGlobal," "),s=this.rules.other.nonSpaceChar.test(t),r=this.rules.other.startingSpaceChar.test(t)&&this.rules.other.endingSpaceChar.test(t);return s&&r&&(t=t.substring(1,t.length-1)),{type:"codespan",raw:e[0],text:t}}}br(i){let e=i.charCodeAt(0);if(e!==32&&e!==92&&e!==10)return;let t=this.rules.inline.br.exec(i);if(t)return{type:"br",raw:t[0]}}del(i,e,t=""){if(i.charCodeAt(0)!==126)return;let s=this.rules.inline.delLDelim.exec(i);if(s&&(!s[1]||!t||this.rules.inline.punctuation.exec(t))){let r=[...s[0]].length-1,n,o,c=r,l=this.rules.inline.delRDelim,d=Zn(this,e),p=e.length-i.length+r;if(d<p)return;e=e.slice(-1*i.length+r);let b=d-p;for(l.lastIndex=0;(s=l.exec(e))!==null&&!(s.index>b);){if(n=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!n||(o=[...n].length,o!==r))continue;if(s[3]||s[4]){c+=o;continue}if(c-=o,c>0)continue;o=Math.min(o,o+c);let $=[...s[0]][0].length,A=i.slice(0,r+s.index+$+o),_=A.slice(r,-r);return{type:"del",raw:A,text:_,tokens:this.lexer.inlineTokens(_)}}}}autolink(i){if(i.charCodeAt(0)!==60)return;let e=this.rules.inline.autolink.exec(i);if(e){let t,s;return e[2]==="@"?(t=e[1],s="mailto:"+t):(t=e[1],s=t),{type:"link",raw:e[0],text:t,href:s,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}url(i){let e;if(e=this.rules.inline.url.exec(i)){let t,s;if(e[2]==="@")t=e[0],s="mailto:"+t;else{let r;do r=e[0],e[0]=this.rules.inline._backpedal.exec(e[0])?.[0]??"";while(r!==e[0]);t=e[0],e[1]==="www."?s="http://"+e[0]:s=e[0]}return{type:"link",raw:e[0],text:t,href:s,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}inlineText(i){let e=this.rules.inline.text.exec(i);if(e){let t=this.lexer.state.inRawBlock;return{type:"text",raw:e[0],text:t?e[0]:Wl(e[0]),escaped:t}}}},$e=class Di{tokens;options;state;inlineQueue;tokenizer;constructor(e){this.tokens=[],this.tokens.links=Object.create(null),this.options=e||ut,this.options.tokenizer=this.options.tokenizer||new lt,this.tokenizer=this.options.tokenizer,this.tokenizer.options=this.options,this.tokenizer.lexer=this,this.inlineQueue=[],this.state={inLink:!1,inRawBlock:!1,linkEmitted:!1,linkParenPossible:!0,top:!0};let t={other:G,block:Is.normal,inline:Bt.normal};this.options.pedantic?(t.block=Is.pedantic,t.inline=Bt.pedantic):this.options.gfm&&(t.block=Is.gfm,this.options.breaks?t.inline=Bt.breaks:t.inline=Bt.gfm),this.tokenizer.rules=t}static get rules(){return{block:Is,inline:Bt}}static lex(e,t){return new Di(t).lex(e)}static lexInline(e,t){return new Di(t).inlineTokens(e)}lex(e){e=e.replace(G.carriageReturn,`
`),this.blockTokens(e,this.tokens);for(let t=0;t<this.inlineQueue.length;t++){let s=this.inlineQueue[t];this.state.inRawBlock=!1,this.inlineTokens(s.src,s.tokens)}return this.inlineQueue=[],this.tokens}blockTokens(e,t=[],s=!1){this.tokenizer.lexer=this;let r=this.state.lastToken;this.options.pedantic&&(e=e.replace(G.tabCharGlobal,"    ").replace(G.spaceLine,""));let n=1/0,o,c=this.options.gfm&&!this.options.pedantic&&this.tokenizer.paragraph===lt.prototype.paragraph;for(;e;){if(e.length<n)n=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}this.state.lastToken=t.at(-1);let l;if(this.options.extensions?.block?.some(p=>(l=p.call({lexer:this},e,t))?(e=e.substring(l.raw.length),t.push(l),!0):!1))continue;if(l=this.tokenizer.space(e)){e=e.substring(l.raw.length);let p=t.at(-1);l.raw.length===1&&p!==void 0?p.raw+=`
`:t.push(l);continue}if(l=this.tokenizer.code(e)){e=e.substring(l.raw.length);let p=t.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.at(-1).src=p.text):t.push(l);continue}if(l=this.tokenizer.fences(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.heading(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.hr(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.blockquote(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.list(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.html(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.def(e)){e=e.substring(l.raw.length);let p=t.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.raw,this.inlineQueue.at(-1).src=p.text):(this.tokens.links[l.tag]||(this.tokens.links[l.tag]={href:l.href,title:l.title}),t.push(l));continue}if(l=this.tokenizer.table(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.lheading(e)){e=e.substring(l.raw.length),t.push(l);continue}let d=e;if(this.options.extensions?.startBlock){let p=1/0,b=e.slice(1),$;this.options.extensions.startBlock.forEach(A=>{$=A.call({lexer:this},b),typeof $=="number"&&$>=0&&(p=Math.min(p,$))}),p<1/0&&p>=0&&(d=e.substring(0,p+1))}if(this.state.top&&(l=this.tokenizer.paragraph(d))){let p=t.at(-1);(s||p===o&&c)&&p?.type==="paragraph"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text,o=p):(t.push(l),o=l),s=d.length!==e.length,e=e.substring(l.raw.length);continue}if(l=this.tokenizer.text(e)){e=e.substring(l.raw.length);let p=t.at(-1);p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text):t.push(l);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return this.state.top=!0,this.state.lastToken=r,t}inline(e,t=[]){return this.inlineQueue.push({src:e,tokens:t}),t}linkInText(e){if(!e.includes("["))return!1;let t=this.tokenizer.rules.inline.link;for(let s of e.matchAll(this.tokenizer.rules.inline.blockSkip))if(t.test(s[0])&&e.charAt(s.index-1)!=="!")return!0;for(let s of e.matchAll(this.tokenizer.rules.inline.reflinkSearch)){let r=s[0],n=r.lastIndexOf("[");if(!(r.charAt(0)==="!"||!Object.hasOwn(this.tokens.links,Ls(r.slice(n+1,-1))))&&!(n>1&&this.linkInText(r.slice(1,n-1))))return!0}return!1}inlineTokens(e,t=[]){this.tokenizer.lexer=this;let s=this.state.linkParenPossible;this.state.linkParenPossible=e.includes(")");try{return this.#t(e,t)}finally{this.state.linkParenPossible=s}}#t(e,t){let s=e.includes("*")||e.includes("_")||e.includes("~"),r=s||this.options.hooks?.emStrongMask||this.tokenizer.emStrong!==lt.prototype.emStrong||this.tokenizer.del!==lt.prototype.del?this.#i(e):e;if(!s)return this.#e(e,r,t);Gl(this.tokenizer,r);try{return this.#e(e,r,t)}finally{Yl(this.tokenizer)}}#e(e,t,s){let r=!1,n="",o=1/0;for(;e;){if(e.length<o)o=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}r||(n=""),r=!1;let c;if(this.options.extensions?.inline?.some(p=>(c=p.call({lexer:this},e,s))?(e=e.substring(c.raw.length),s.push(c),!0):!1))continue;if(c=this.tokenizer.escape(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.tag(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.link(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.reflink(e,this.tokens.links)){e=e.substring(c.raw.length);let p=s.at(-1);c.type==="text"&&p?.type==="text"?(p.raw+=c.raw,p.text+=c.text):s.push(c);continue}let l=e[0];if(l==="*"||l==="_"){let p=t.length-e.length;if(Kn(this.tokenizer,t,l)<=p){let b=1;for(;b<e.length&&e.charCodeAt(b)===l.charCodeAt(0);)b++;let $=e.substring(0,b),A=s.at(-1);A?.type==="text"&&!A.escaped?(A.raw+=$,A.text+=$):s.push({type:"text",raw:$,text:$,escaped:!1}),e=e.substring(b),n=l,r=!0;continue}}else if(l==="~"){let p=t.length-e.length;if(Zn(this.tokenizer,t)<=p){let b=1;for(;b<e.length&&e.charCodeAt(b)===126;)b++;let $=e.substring(0,b),A=s.at(-1);A?.type==="text"&&!A.escaped?(A.raw+=$,A.text+=$):s.push({type:"text",raw:$,text:$,escaped:!1}),e=e.substring(b),n=l,r=!0;continue}}if(c=this.tokenizer.emStrong(e,t,n)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.codespan(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.br(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.del(e,t,n)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.autolink(e)){e=e.substring(c.raw.length),s.push(c);continue}if(!this.state.inLink&&(c=this.tokenizer.url(e))){e=e.substring(c.raw.length),s.push(c);continue}let d=e;if(this.options.extensions?.startInline){let p=1/0,b=e.slice(1),$;this.options.extensions.startInline.forEach(A=>{$=A.call({lexer:this},b),typeof $=="number"&&$>=0&&(p=Math.min(p,$))}),p<1/0&&p>=0&&(d=e.substring(0,p+1))}if(c=this.tokenizer.inlineText(d)){e=e.substring(c.raw.length),c.raw.slice(-1)!=="_"&&(n=c.raw.slice(-1)),r=!0;let p=s.at(-1);p?.type==="text"?(p.raw+=c.raw,p.text+=c.text):s.push(c);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return s}#s(e){let{blockSkip:t,tag:s,autolink:r}=this.tokenizer.rules.inline,n="",o=0,c;for(t.lastIndex=0;c=t.exec(e);){let l=c.index+(c[2]?c[2].length:0),d=c.index+c[0].length;if(e.charAt(l)==="<"){let p=e.slice(l),b=s.exec(p)||r.exec(p);if(!b){t.lastIndex=l+1;continue}d=l+b[0].length,t.lastIndex=d}n+=e.slice(o,l)+"["+"a".repeat(d-l-2)+"]",o=d}return n+e.slice(o)}#i(e){let t=e;if(this.tokens.links&&e.includes("[")){let s=this.tokenizer.rules.inline.reflinkSearch,r=n=>{let o=n.lastIndexOf("[");if(!Object.hasOwn(this.tokens.links,Ls(n.slice(o+1,-1))))return n;if(o>1&&n.charAt(0)!=="!"){let c=n.slice(1,o-1);if(this.linkInText(c))return"["+c.replace(s,r)+"]["+"a".repeat(n.length-o-2)+"]"}return"["+"a".repeat(n.length-2)+"]"};t=t.replace(s,r)}return t=t.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode,(s,r,n)=>n?"+".repeat(s.length):r?r+s.slice(r.length,-r.length).replace(/`/g,"+")+r:s),t=this.#s(t),t=this.options.hooks?.emStrongMask?.call({lexer:this},t)??t,t}infiniteLoopError(e){let t="Infinite loop on byte: "+e;if(this.options.silent)console.error(t);else throw new Error(t)}},Ps=class{options;parser;constructor(i){this.options=i||ut}space(i){return""}code({text:i,lang:e,escaped:t}){let s=(e||"").match(G.notSpaceStart)?.[0],r=i?i.replace(G.endingNewline,"")+`
`:"";return s?'<pre><code class="language-'+fe(s)+'">'+(t?r:fe(r,!0))+`</code></pre>
`:"<pre><code>"+(t?r:fe(r,!0))+`</code></pre>
`}blockquote({tokens:i}){return`<blockquote>
${this.parser.parse(i)}</blockquote>
`}html({text:i}){return i}def(i){return""}heading({tokens:i,depth:e}){return`<h${e}>${this.parser.parseInline(i)}</h${e}>
`}hr(i){return`<hr>
`}list(i){let e=i.ordered,t=i.start,s="";for(let o=0;o<i.items.length;o++){let c=i.items[o];s+=this.listitem(c)}let r=e?"ol":"ul",n=e&&t!==1?' start="'+t+'"':"";return"<"+r+n+`>
`+s+"</"+r+`>
`}listitem(i){return`<li>${this.parser.parse(i.tokens)}</li>
`}checkbox({checked:i}){return"<input "+(i?'checked="" ':"")+'disabled="" type="checkbox"> '}paragraph({tokens:i}){return`<p>${this.parser.parseInline(i)}</p>
`}table(i){let e="",t="";for(let r=0;r<i.header.length;r++)t+=this.tablecell(i.header[r]);e+=this.tablerow({text:t});let s="";for(let r=0;r<i.rows.length;r++){let n=i.rows[r];t="";for(let o=0;o<n.length;o++)t+=this.tablecell(n[o]);s+=this.tablerow({text:t})}return s&&(s=`<tbody>${s}</tbody>`),`<table>
<thead>
`+e+`</thead>
`+s+`</table>
`}tablerow({text:i}){return`<tr>
${i}</tr>
`}tablecell(i){let e=this.parser.parseInline(i.tokens),t=i.header?"th":"td";return(i.align?`<${t} align="${i.align}">`:`<${t}>`)+e+`</${t}>
`}strong({tokens:i}){return`<strong>${this.parser.parseInline(i)}</strong>`}em({tokens:i}){return`<em>${this.parser.parseInline(i)}</em>`}codespan({text:i}){return`<code>${fe(i,!0)}</code>`}br(i){return"<br>"}del({tokens:i}){return`<del>${this.parser.parseInline(i)}</del>`}link({href:i,title:e,text:t,tokens:s,autolink:r}){let n=r?fe(t,!0):this.parser.parseInline(s),o=Ln(i);if(o===null)return n;i=fe(o,r);let c='<a href="'+i+'"';return e&&(c+=' title="'+fe(e)+'"'),c+=">"+n+"</a>",c}image({href:i,title:e,text:t,tokens:s}){s&&(t=this.parser.parseInline(s,this.parser.textRenderer));let r=Ln(i);if(r===null)return fe(t);i=r;let n=`<img src="${fe(i)}" alt="${fe(t)}"`;return e&&(n+=` title="${fe(e)}"`),n+=">",n}text(i){return"tokens"in i&&i.tokens?this.parser.parseInline(i.tokens):"escaped"in i&&i.escaped?i.text:fe(i.text)}},Vi=class{parser;strong({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}em({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}codespan({text:i}){return i}del({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}html({text:i}){return i}text({text:i}){return i}link({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}image({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}br(){return`
`}checkbox({raw:i}){return i}},ve=class Ui{options;renderer;textRenderer;constructor(e){this.options=e||ut,this.options.renderer=this.options.renderer||new Ps,this.renderer=this.options.renderer,this.renderer.options=this.options,this.renderer.parser=this,this.textRenderer=new Vi,this.textRenderer.parser=this}static parse(e,t){return new Ui(t).parse(e)}static parseInline(e,t){return new Ui(t).parseInline(e)}parse(e){this.renderer.parser=this;let t="";for(let s=0;s<e.length;s++){let r=e[s];if(this.options.extensions?.renderers?.[r.type]){let o=r,c=this.options.extensions.renderers[o.type].call({parser:this},o);if(c!==!1||!["space","hr","heading","code","table","blockquote","list","checkbox","html","def","paragraph","text"].includes(o.type)){t+=c===!1?"":c??"";continue}}let n=r;switch(n.type){case"space":{t+=this.renderer.space(n);break}case"hr":{t+=this.renderer.hr(n);break}case"heading":{t+=this.renderer.heading(n);break}case"code":{t+=this.renderer.code(n);break}case"table":{t+=this.renderer.table(n);break}case"blockquote":{t+=this.renderer.blockquote(n);break}case"list":{t+=this.renderer.list(n);break}case"checkbox":{t+=this.renderer.checkbox(n);break}case"html":{t+=this.renderer.html(n);break}case"def":{t+=this.renderer.def(n);break}case"paragraph":{t+=this.renderer.paragraph(n);break}case"text":{t+=this.renderer.text(n);break}default:{let o='Token with "'+n.type+'" type was not found.';if(this.options.silent)return console.error(o),"";throw new Error(o)}}}return t}parseInline(e,t=this.renderer){this.renderer.parser=this;let s="";for(let r=0;r<e.length;r++){let n=e[r];if(this.options.extensions?.renderers?.[n.type]){let c=this.options.extensions.renderers[n.type].call({parser:this},n);if(c!==!1||!["escape","html","link","image","checkbox","strong","em","codespan","br","del","text"].includes(n.type)){s+=c===!1?"":c??"";continue}}let o=n;switch(o.type){case"escape":{s+=t.text(o);break}case"html":{s+=t.html(o);break}case"link":{s+=t.link(o);break}case"image":{s+=t.image(o);break}case"checkbox":{s+=t.checkbox(o);break}case"strong":{s+=t.strong(o);break}case"em":{s+=t.em(o);break}case"codespan":{s+=t.codespan(o);break}case"br":{s+=t.br(o);break}case"del":{s+=t.del(o);break}case"text":{s+=t.text(o);break}default:{let c='Token with "'+o.type+'" type was not found.';if(this.options.silent)return console.error(c),"";throw new Error(c)}}}return s}},Wt=class{options;block;constructor(i){this.options=i||ut}static passThroughHooks=new Set(["preprocess","postprocess","processAllTokens","emStrongMask"]);static passThroughHooksRespectAsync=new Set(["preprocess","postprocess","processAllTokens"]);preprocess(i){return i}postprocess(i){return i}processAllTokens(i){return i}emStrongMask(i){return i}provideLexer(i=this.block){return i?$e.lex:$e.lexInline}provideParser(i=this.block){return i?ve.parse:ve.parseInline}};function Ge(i,e){if(Array.isArray(e))for(let t=0;t<e.length;t++)i.push(e[t]);else i.push(e)}var Zl=class{defaults=zi();options=this.setOptions;parse=this.parseMarkdown(!0);parseInline=this.parseMarkdown(!1);Parser=ve;Renderer=Ps;TextRenderer=Vi;Lexer=$e;Tokenizer=lt;Hooks=Wt;constructor(...i){this.use(...i)}walkTokens(i,e){let t=[];for(let s of i)switch(Ge(t,e.call(this,s)),s.type){case"table":{let r=s;for(let n of r.header)Ge(t,this.walkTokens(n.tokens,e));for(let n of r.rows)for(let o of n)Ge(t,this.walkTokens(o.tokens,e));break}case"list":{let r=s;Ge(t,this.walkTokens(r.items,e));break}default:{let r=s;this.defaults.extensions?.childTokens?.[r.type]?this.defaults.extensions.childTokens[r.type].forEach(n=>{let o=r[n].flat(1/0);Ge(t,this.walkTokens(o,e))}):r.tokens&&Ge(t,this.walkTokens(r.tokens,e))}}return t}use(...i){let e=this.defaults.extensions||{renderers:Object.create(null),childTokens:Object.create(null)};return i.forEach(t=>{let s={...t};if(s.async=this.defaults.async||s.async||!1,t.extensions&&(t.extensions.forEach(r=>{if(!r.name)throw new Error("extension name required");if("renderer"in r){let n=e.renderers[r.name];n?e.renderers[r.name]=function(...o){let c=r.renderer.apply(this,o);return c===!1&&(c=n.apply(this,o)),c}:e.renderers[r.name]=r.renderer}if("tokenizer"in r){if(!r.level||r.level!=="block"&&r.level!=="inline")throw new Error("extension level must be 'block' or 'inline'");let n=e[r.level];n?n.unshift(r.tokenizer):e[r.level]=[r.tokenizer],r.start&&(r.level==="block"?e.startBlock?e.startBlock.push(r.start):e.startBlock=[r.start]:r.level==="inline"&&(e.startInline?e.startInline.push(r.start):e.startInline=[r.start]))}"childTokens"in r&&r.childTokens&&(e.childTokens[r.name]=r.childTokens)}),s.extensions=e),t.renderer){let r=this.defaults.renderer||new Ps(this.defaults);for(let n in t.renderer){if(!(n in r))throw new Error(`renderer '${n}' does not exist`);if(["options","parser"].includes(n))continue;let o=n,c=t.renderer[o],l=r[o];r[o]=(...d)=>{let p=c.apply(r,d);return p===!1&&(p=l.apply(r,d)),p===!1?"":p??""}}s.renderer=r}if(t.tokenizer){let r=this.defaults.tokenizer||new lt(this.defaults);for(let n in t.tokenizer){if(!(n in r))throw new Error(`tokenizer '${n}' does not exist`);if(["options","rules","lexer"].includes(n))continue;let o=n,c=t.tokenizer[o],l=r[o];r[o]=(...d)=>{let p=c.apply(r,d);return p===!1&&(p=l.apply(r,d)),p}}s.tokenizer=r}if(t.hooks){let r=this.defaults.hooks||new Wt;for(let n in t.hooks){if(!(n in r))throw new Error(`hook '${n}' does not exist`);if(["options","block"].includes(n))continue;let o=n,c=t.hooks[o],l=r[o];Wt.passThroughHooks.has(n)?r[o]=d=>{if(r.options.async&&Wt.passThroughHooksRespectAsync.has(n))return(async()=>{let b=await c.call(r,d);return l.call(r,b)})();let p=c.call(r,d);return l.call(r,p)}:r[o]=(...d)=>{if(r.options.async)return(async()=>{let b=await c.apply(r,d);return b===!1&&(b=await l.apply(r,d)),b})();let p=c.apply(r,d);return p===!1&&(p=l.apply(r,d)),p}}s.hooks=r}if(t.walkTokens){let r=this.defaults.walkTokens,n=t.walkTokens;s.walkTokens=function(o){let c=[];return Ge(c,n.call(this,o)),r&&Ge(c,r.call(this,o)),c}}this.defaults={...this.defaults,...s}}),this}setOptions(i){return this.defaults={...this.defaults,...i},this}lexer(i,e){return $e.lex(i,e??this.defaults)}parser(i,e){return ve.parse(i,e??this.defaults)}parseMarkdown(i){return(e,t)=>{let s={...t},r={...this.defaults,...s},n=this.onError(!!r.silent,!!r.async);if(this.defaults.async===!0&&s.async===!1)return n(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));if(typeof e>"u"||e===null)return n(new Error("marked(): input parameter is undefined or null"));if(typeof e!="string")return n(new Error("marked(): input parameter is of type "+Object.prototype.toString.call(e)+", string expected"));if(r.hooks&&(r.hooks.options=r,r.hooks.block=i),r.async)return(async()=>{let o=r.hooks?await r.hooks.preprocess(e):e,c=await(r.hooks?await r.hooks.provideLexer(i):i?$e.lex:$e.lexInline)(o,r),l=r.hooks?await r.hooks.processAllTokens(c):c;r.walkTokens&&await Promise.all(this.walkTokens(l,r.walkTokens));let d=await(r.hooks?await r.hooks.provideParser(i):i?ve.parse:ve.parseInline)(l,r);return r.hooks?await r.hooks.postprocess(d):d})().catch(n);try{r.hooks&&(e=r.hooks.preprocess(e));let o=(r.hooks?r.hooks.provideLexer(i):i?$e.lex:$e.lexInline)(e,r);r.hooks&&(o=r.hooks.processAllTokens(o)),r.walkTokens&&this.walkTokens(o,r.walkTokens);let c=(r.hooks?r.hooks.provideParser(i):i?ve.parse:ve.parseInline)(o,r);return r.hooks&&(c=r.hooks.postprocess(c)),c}catch(o){return n(o)}}}onError(i,e){return t=>{if(t.message+=`
Please report this to https://github.com/markedjs/marked.`,i){let s="<p>An error occurred:</p><pre>"+fe(t.message+"",!0)+"</pre>";return e?Promise.resolve(s):s}if(e)return Promise.reject(t);throw t}}},ct=new Zl;function O(i,e){return ct.parse(i,e)}O.options=O.setOptions=function(i){return ct.setOptions(i),O.defaults=ct.defaults,zn(O.defaults),O};O.getDefaults=zi;O.defaults=ut;function Xl(...i){return ct.use(...i),O.defaults=ct.defaults,zn(O.defaults),O}O.use=Xl;O.walkTokens=function(i,e){return ct.walkTokens(i,e)};O.parseInline=ct.parseInline;O.Parser=ve;O.parser=ve.parse;O.Renderer=Ps;O.TextRenderer=Vi;O.Lexer=$e;O.lexer=$e.lex;O.Tokenizer=lt;O.Hooks=Wt;O.parse=O;var Ju=O.options,ep=O.setOptions,tp=O.walkTokens,sp=O.parseInline;var ip=ve.parse,rp=$e.lex;var Ql=["p","br","strong","em","del","code","pre","blockquote","ul","ol","li","h1","h2","h3","h4","h5","h6","a","hr","table","thead","tbody","tr","th","td"];function Tt(i){let e=O.parse(i,{async:!1,gfm:!0,breaks:!0});return Sn.sanitize(e,{ALLOWED_TAGS:Ql,ALLOWED_ATTR:["href","title"],ALLOWED_URI_REGEXP:/^(?:https?:|mailto:|#)/i})}var ec=0,B=class extends q{constructor(){super(...arguments);this.serverErrors=[];this.scopes=[];this.tagSuggestions=[];this.storage=null;this.busy=!1;this.heading="New note";this.submitLabel="Save note";this.allowFollowUp=!1;this.findAgents=null;this.knownAgents=[];this.errors=[];this.preview=!1;this.draftFields=null;this.tagText="";this.agents=new kt(this,()=>this.findAgents);this.openedAt=null;this.uid=`f${++ec}`}connectedCallback(){super.connectedCallback();let t=this.storage?.loadDraft();t&&(this.draftFields=t.fields,this.openedAt=t.openedAt)}willUpdate(t){t.has("initial")&&this.initial&&(this.fields={...this.initial,...this.draftFields},this.draftFields=null),t.has("serverErrors")&&(this.errors=[...ws(this.fields),...this.serverErrors])}reset(t){this.fields=t,this.openedAt=null,this.errors=[],this.preview=!1,this.tagText="",this.storage?.saveDraft(null)}open(){this.openedAt===null&&(this.openedAt=Date.now(),this.persist())}persist(){this.storage?.saveDraft({fields:this.fields,openedAt:this.openedAt})}change(t,s){this.open(),this.fields={...this.fields,[t]:s};let r=ws(this.fields);this.errors=[...this.errors.filter(n=>n.code!=="TOO_LONG"||n.field!==t),...r.filter(n=>n.field===t)],this.persist()}addTag(){let t=qe(`${this.fields.tags},${this.tagText}`);this.tagText="",this.change("tags",t.join(", "))}removeTag(t){this.change("tags",qe(this.fields.tags).filter(s=>s!==t).join(", "))}onTagKey(t){(t.key==="Enter"||t.key===",")&&!t.ctrlKey&&!t.metaKey&&(t.preventDefault(),this.tagText.trim()&&this.addTag())}onKey(t){t.key==="Enter"&&(t.ctrlKey||t.metaKey)&&(t.preventDefault(),this.submit())}submit(){if(this.busy)return;this.tagText.trim()&&this.addTag();let t=ws(this.fields);if(this.fields.followUp&&!this.fields.dueAt&&t.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),this.fields.scope||t.push({field:"scope",code:"REQUIRED",message:"Choose a visibility."}),t.length){this.errors=t,this.focusFirstError();return}let s=this.openedAt===null?null:Math.max(0,Date.now()-this.openedAt);this.dispatchEvent(new CustomEvent("note-submit",{detail:{fields:this.fields,creationMs:s},bubbles:!0,composed:!0}))}async focusFirstError(){await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let t=this.fields,s=c=>`${this.uid}-${c}`,r=c=>vt(this.errors,c),n=this.errors.filter(c=>!["subject","body","category","type","scope","importance","tags"].includes(c.field??"")&&!(c.field??"").startsWith("followUp")),o=qe(t.tags);return y`
      <form
        aria-label=${this.heading}
        aria-busy=${this.busy?"true":"false"}
        @keydown=${this.onKey}
        @focusin=${()=>this.open()}
        @submit=${c=>{c.preventDefault(),this.submit()}}
      >
        ${this.textInput(s("subject"),"Subject","subject",r("subject"))}
        <label for=${s("body")}>Note (markdown)</label>
        <textarea
          id=${s("body")}
          .value=${t.body}
          aria-invalid=${r("body")?"true":"false"}
          aria-describedby=${r("body")?`${s("body")}-error`:`${s("body")}-hint`}
          @input=${c=>this.change("body",c.target.value)}
        ></textarea>
        ${r("body")?te(s("body"),r("body")):y`<p class="hint" id="${s("body")}-hint">
              Up to ${1e5.toLocaleString("en")} characters. Ctrl+Enter saves.
            </p>`}
        <div class="actions">
          <button
            type="button"
            aria-pressed=${this.preview?"true":"false"}
            @click=${()=>this.preview=!this.preview}
          >
            Preview
          </button>
        </div>
        ${this.preview?y`<section class="markdown" aria-label="Preview">
              ${wt(Tt(t.body))}
            </section>`:v}
        <div class="row">
          <div>
            ${Fe(s("category"),"Category",t.category,$s,c=>this.change("category",c),r("category"))}
          </div>
          <div>
            ${Fe(s("type"),"Type",t.type,vs,c=>this.change("type",c),r("type"))}
          </div>
        </div>
        <div class="row">
          <div>
            ${Fe(s("scope"),"Visibility",t.scope,this.scopes,c=>this.change("scope",c),r("scope"))}
          </div>
          <div>
            ${Fe(s("importance"),"Importance",t.importance,Xr,c=>this.change("importance",c),r("importance"))}
          </div>
        </div>
        <label for=${s("tag")}>Tags</label>
        <ul class="chips" aria-label="Tags on this note">
          ${o.map(c=>y`<li>
              ${c}
              <button type="button" aria-label="Remove tag ${c}" @click=${()=>this.removeTag(c)}>
                ×
              </button>
            </li>`)}
        </ul>
        <div class="row">
          <input
            id=${s("tag")}
            type="text"
            list=${s("tag-options")}
            autocomplete="off"
            .value=${this.tagText}
            aria-invalid=${r("tags")?"true":"false"}
            aria-describedby=${r("tags")?`${s("tag")}-error`:v}
            @input=${c=>this.tagText=c.target.value}
            @keydown=${this.onTagKey}
          />
          <button type="button" class="fit" @click=${()=>this.addTag()}>Add</button>
        </div>
        <datalist id=${s("tag-options")}>
          ${this.tagSuggestions.filter(c=>!o.includes(c)).map(c=>y`<option value=${c}></option>`)}
        </datalist>
        ${te(s("tag"),r("tags"))}
        <label class="check">
          <input
            type="checkbox"
            .checked=${t.pinned}
            @change=${c=>this.change("pinned",c.target.checked)}
          />
          Pin this note
        </label>
        ${this.allowFollowUp?this.followUp(s,r):v}
        ${n.map(c=>y`<p class="error" role="alert">${c.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
          <slot name="actions"></slot>
          ${this.busy?y`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}textInput(t,s,r,n){return y`
      <label for=${t}>${s}</label>
      <input
        id=${t}
        type="text"
        .value=${this.fields[r]}
        aria-invalid=${n?"true":"false"}
        aria-describedby=${n?`${t}-error`:v}
        @input=${o=>this.change(r,o.target.value)}
      />
      ${te(t,n)}
    `}followUp(t,s){let r=this.fields;return y`
      <label class="check">
        <input
          type="checkbox"
          .checked=${r.followUp}
          @change=${n=>{let o=n.target.checked;this.change("followUp",o),o&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${r.followUp?y`<fieldset>
            <legend>Follow-up</legend>
            <label for=${t("assignee-find")}>Find assignee</label>
            <input
              id=${t("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${t("assignee-found")}
              .value=${this.agents.query}
              @input=${n=>this.agents.search(n.target.value)}
            />
            <span id=${t("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${t("assignee")}>Assignee</label>
            <select
              id=${t("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${t("assignee")}-error`:v}
              @change=${n=>this.change("assigneeId",n.target.value)}
            >
              ${this.agents.choices(r.assigneeId,this.knownAgents).map(n=>y`<option value=${n.agentId} ?selected=${n.agentId===r.assigneeId}>
                  ${n.name}${n.agentId===this.knownAgents[0]?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${te(t("assignee"),s("followUp.assigneeId"))}
            <label for=${t("due")}>Due</label>
            <input
              id=${t("due")}
              type="datetime-local"
              .value=${r.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${t("due")}-error`:v}
              @input=${n=>this.change("dueAt",n.target.value)}
            />
            ${te(t("due"),s("followUp.dueAt"))}
            <label for=${t("instructions")}>Instructions</label>
            <input
              id=${t("instructions")}
              type="text"
              .value=${r.instructions}
              @input=${n=>this.change("instructions",n.target.value)}
            />
          </fieldset>`:v}
    `}};B.styles=ce,g([x({attribute:!1})],B.prototype,"initial",2),g([x({attribute:!1})],B.prototype,"serverErrors",2),g([x({attribute:!1})],B.prototype,"scopes",2),g([x({attribute:!1})],B.prototype,"tagSuggestions",2),g([x({attribute:!1})],B.prototype,"storage",2),g([x({type:Boolean})],B.prototype,"busy",2),g([x()],B.prototype,"heading",2),g([x()],B.prototype,"submitLabel",2),g([x({type:Boolean})],B.prototype,"allowFollowUp",2),g([x({attribute:!1})],B.prototype,"findAgents",2),g([x({attribute:!1})],B.prototype,"knownAgents",2),g([k()],B.prototype,"fields",2),g([k()],B.prototype,"errors",2),g([k()],B.prototype,"preview",2),g([k()],B.prototype,"tagText",2),B=g([le("c360-note-form")],B);function Xn(i,e){let t={};for(let r of["subject","body","category","type","scope","importance"])e[r]!==i[r]&&(t[r]=e[r]);e.pinned!==i.pinned&&(t.pinned=e.pinned);let s=qe(e.tags);return s.join(`
`)!==i.tags.join(`
`)&&(t.tags=s),t}var Qn=i=>`${new Date(i).toISOString().slice(0,16).replace("T"," ")} UTC`,K=class extends q{constructor(){super(...arguments);this.scopes=[];this.tagSuggestions=[];this.canEdit=!1;this.canDelete=!1;this.mode="view";this.busy=!1;this.errors=[];this.history=[];this.mine=null;this.editing=null;this.theirs=null;this.message=""}emit(t,s={}){this.dispatchEvent(new CustomEvent(t,{detail:s,bubbles:!0,composed:!0}))}async run(t){this.busy=!0,this.message="";try{return await t()}catch(s){s instanceof Q&&this.emit("auth-needed"),this.message=s instanceof Error?s.message:String(s);return}finally{this.busy=!1}}async save(t,s){let r=Xn(t,s),n={id:t.id,expectedVersion:t.version,...r},o=await this.run(()=>this.client.request(nn,{input:n},["updateNote"]));if(!o)return;let{note:c,errors:l}=o.data.updateNote;if(c)this.note=c,this.mode="view",this.errors=[],this.emit("note-changed",{note:c});else if(l.some(d=>d.code==="CONFLICT")){let d=await this.run(()=>this.client.request(tn,{id:t.id}));this.mine=s,this.theirs=d?.data.note??null,this.mode="conflict"}else this.errors=l}async showHistory(){let t=await this.run(()=>this.client.request(sn,{id:this.note.id}));this.history=je(t?.data.note?.history),this.mode="history"}async deleteNote(){let t=await this.run(()=>this.client.request(on,{input:{id:this.note.id}},["deleteNote"]));if(!t)return;let{errors:s}=t.data.deleteNote;s.length?this.message=s.map(r=>r.message).join(" "):this.emit("note-deleted",{note:this.note})}async reapply(){if(!this.mine||!this.theirs)return;let t={...Ai(this.theirs)};for(let s of Object.keys(Xn(this.note,this.mine)))Object.assign(t,{[s]:this.mine[s]});await this.save(this.theirs,t),this.mode==="view"&&(this.mine=null,this.theirs=null)}edit(){this.editing=Ai(this.note),this.errors=[],this.mode="edit"}keepTheirs(){this.theirs&&(this.note=this.theirs),this.mine=null,this.theirs=null,this.mode="view",this.emit("note-changed",{note:this.note})}render(){let t=this.note;return y`
      <article aria-labelledby="subject-${t.id}">
        <h3 id="subject-${t.id}">${t.pinned?y`<span aria-label="Pinned">📌 </span>`:v}${t.subject}</h3>
        <p class="hint">
          ${de(t.category)} · ${de(t.type)} · visible to ${de(t.scope)} ·
          ${de(t.importance)} importance · ${t.author?.name??t.authorId} · ${Qn(t.createdAt)} · v${t.version}
        </p>
        ${t.tags.length?y`<ul class="chips" aria-label="Tags">${t.tags.map(s=>y`<li>${s}</li>`)}</ul>`:v}
        ${this.mode==="edit"?this.renderEdit():v}
        ${this.mode==="conflict"?this.renderConflict():v}
        ${this.mode==="view"||this.mode==="history"?y`<div class="markdown body">${wt(Tt(t.body))}</div>`:v}
        ${this.mode==="history"?this.renderHistory():v}
        ${this.message?y`<p class="error" role="alert">${this.message}</p>`:v}
        ${this.mode==="view"||this.mode==="history"?this.renderActions():v}
      </article>
    `}renderActions(){let t=this.note.subject;return y`<div class="actions">
      ${this.canEdit?y`<button type="button" aria-label="Edit ${t}" @click=${this.edit}>Edit</button>`:v}
      <button
        type="button"
        aria-label="History of ${t}"
        aria-expanded=${this.mode==="history"?"true":"false"}
        @click=${()=>this.mode==="history"?this.mode="view":this.showHistory()}
      >
        History
      </button>
      ${this.canDelete?y`<button type="button" class="danger" aria-label="Delete ${t}" ?disabled=${this.busy}
            @click=${this.deleteNote}>Delete</button>`:v}
    </div>`}renderEdit(){let t=this.scopes.includes(this.note.scope)?this.scopes:[this.note.scope,...this.scopes];return y`<c360-note-form
      heading="Edit note"
      submitLabel="Save changes"
      .initial=${this.editing}
      .scopes=${t}
      .tagSuggestions=${this.tagSuggestions}
      .serverErrors=${this.errors}
      ?busy=${this.busy}
      @note-submit=${s=>{s.stopPropagation(),this.save(this.note,s.detail.fields)}}
    >
      <button slot="actions" type="button" @click=${()=>this.mode="view"}>Cancel</button>
    </c360-note-form>`}renderConflict(){let t=this.mine,s=this.theirs;return y`<section class="status warn" role="alert" aria-label="Edit conflict">
      <p>
        Someone saved this note while you were editing it${s?y` (now version ${s.version})`:v}. Compare and choose.
      </p>
      <div class="row">
        <section aria-label="Your version">
          <h4>Your version</h4>
          <p><strong>${t.subject}</strong></p>
          <div class="markdown">${wt(Tt(t.body))}</div>
        </section>
        <section aria-label="Saved version">
          <h4>Saved version</h4>
          ${s?y`<p><strong>${s.subject}</strong></p>
                <div class="markdown">${wt(Tt(s.body))}</div>`:y`<p>The note is no longer available.</p>`}
        </section>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy||!s} @click=${this.reapply}>
          Reapply my changes
        </button>
        <button type="button" ?disabled=${!s} @click=${this.keepTheirs}>Keep saved version</button>
      </div>
    </section>`}renderHistory(){return y`<section aria-label="History">
      <h4>History</h4>
      ${this.history.length?y`<ol>
            ${this.history.map(t=>y`<li>
                v${t.version} by ${t.editor?.name??t.editorId}, ${Qn(t.editedAt)}:
                ${t.changes.map(s=>y`<div><em>${s.field}</em>: ${JSON.stringify(s.before)} → ${JSON.stringify(s.after)}</div>`)}
              </li>`)}
          </ol>`:y`<p class="hint">Not edited since it was written.</p>`}
    </section>`}};K.styles=ce,g([x({attribute:!1})],K.prototype,"note",2),g([x({attribute:!1})],K.prototype,"client",2),g([x({attribute:!1})],K.prototype,"scopes",2),g([x({attribute:!1})],K.prototype,"tagSuggestions",2),g([x({type:Boolean})],K.prototype,"canEdit",2),g([x({type:Boolean})],K.prototype,"canDelete",2),g([k()],K.prototype,"mode",2),g([k()],K.prototype,"busy",2),g([k()],K.prototype,"errors",2),g([k()],K.prototype,"history",2),g([k()],K.prototype,"mine",2),g([k()],K.prototype,"theirs",2),g([k()],K.prototype,"message",2),K=g([le("c360-note-card")],K);var N=class extends q{constructor(){super(...arguments);this.customerId="";this.scopes=[];this.pending=[];this.me=null;this.notes=[];this.customerTags=[];this.controlledTags=[];this.loading=!1;this.failure="";this.category="";this.type="";this.tag="";this.query="";this.searched="";this.deleted=[];this.notice="";this.total=0;this.next=null;this.loadingMore=!1;this.ticket=0}get tagSuggestions(){let t=[...this.controlledTags,...this.customerTags,...this.notes.flatMap(s=>s.tags)];return[...new Set(t)].sort()}connectedCallback(){super.connectedCallback(),this.load()}async load(){let t=++this.ticket;this.loading=!0,this.failure="";try{if(this.searched){let{data:s}=await this.client.request(Ei,this.searchVariables(null),["searchNotes"]);if(t!==this.ticket)return;this.showPage(s.searchNotes,!1)}else{let{data:s}=await this.client.request(Jr,this.listVariables(),["controlledTags"]);if(t!==this.ticket)return;this.showPage(s.customer?.notes??null,!1),this.customerTags=s.customer?.tags?je(s.customer.tags):this.customerTags,this.controlledTags=s.controlledTags.map(r=>r.tag),s.customer||(this.failure="This customer is not available to you.")}this.dispatchEvent(new CustomEvent("notes-loaded",{bubbles:!0,composed:!0}))}catch(s){s instanceof Q&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`Notes could not be loaded: ${s instanceof Error?s.message:s}`}finally{t===this.ticket&&(this.loading=!1)}}noteFilter(){return{category:this.category||null,type:this.type||null,tags:this.tag?[this.tag]:null}}listVariables(){return{id:this.customerId,filter:this.noteFilter(),first:25}}searchVariables(t){return{query:this.searched,filter:{...this.noteFilter(),customerId:this.customerId},first:25,after:t}}showPage(t,s){let r=je(t);this.notes=s?[...this.notes,...r.filter(n=>!this.notes.some(o=>o.id===n.id))]:r,this.total=t?.totalCount??this.notes.length,this.next=t?.pageInfo?.hasNextPage?t.pageInfo.endCursor:null}async loadMore(){let t=this.next;if(!t||this.loadingMore)return;let s=this.ticket;this.loadingMore=!0,this.failure="";try{if(this.searched){let{data:n}=await this.client.request(Ei,this.searchVariables(t),["searchNotes"]);if(s!==this.ticket)return;this.showPage(n.searchNotes,!0)}else{let{data:n}=await this.client.request(en,{...this.listVariables(),after:t});if(s!==this.ticket)return;this.showPage(n.customer?.notes??null,!0)}await this.updateComplete,(this.renderRoot.querySelector("#load-more")??this.renderRoot.querySelector("ul.notes"))?.focus()}catch(r){r instanceof Q&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More notes could not be loaded: ${r instanceof Error?r.message:r}`}finally{this.loadingMore=!1}}async restore(t){try{let{data:s}=await this.client.request(an,{input:{id:t.id}},["restoreNote"]);s.restoreNote.note?(this.deleted=this.deleted.filter(r=>r.id!==t.id),this.notice=`Restored “${t.subject}”.`,await this.load()):this.notice=s.restoreNote.errors.map(r=>r.message).join(" ")}catch(s){this.notice=`Restore failed: ${s instanceof Error?s.message:s}`}}filterSelect(t,s,r,n,o,c=!0){return y`<div>
      <label for=${t}>${s}</label>
      <select id=${t} @change=${l=>{o(l.target.value),this.load()}}>
        <option value="" ?selected=${r===""}>All</option>
        ${n.map(l=>y`<option value=${l} ?selected=${l===r}>${c?de(l):l}</option>`)}
      </select>
    </div>`}render(){return y`
      <section aria-label="Notes">
        <form role="search" aria-label="Search notes" @submit=${t=>{t.preventDefault(),this.searched=this.query.trim(),this.load()}}>
          <label for="search">Search notes</label>
          <div class="row">
            <input id="search" type="search" .value=${this.query}
              @input=${t=>this.query=t.target.value} />
            <button type="submit" class="fit">Search</button>
            ${this.searched?y`<button type="button" class="fit" @click=${()=>{this.query="",this.searched="",this.load()}}>Clear</button>`:v}
          </div>
        </form>
        <div class="row">
          ${this.filterSelect("filter-category","Category",this.category,$s,t=>this.category=t)}
          ${this.filterSelect("filter-type","Type",this.type,vs,t=>this.type=t)}
          ${this.filterSelect("filter-tag","Tag",this.tag,this.tagSuggestions,t=>this.tag=t,!1)}
        </div>
        ${this.renderPending()}
        ${this.notice?y`<p class="status" role="status">${this.notice}</p>`:v}
        ${this.deleted.map(t=>y`<p class="status">
            Deleted “${t.subject}”.
            <button type="button" @click=${()=>this.restore(t)}>Restore “${t.subject}”</button>
          </p>`)}
        ${this.failure?y`<p class="error" role="alert">${this.failure}</p>`:v}
        <p class="hint" role="status">
          ${this.loading?y`<span class="spinner" aria-hidden="true"></span> Loading notes…`:`${this.next?`${this.notes.length} of ${this.total}`:this.total} note${this.total===1?"":"s"}${this.searched?` matching “${this.searched}”`:""}`}
        </p>
        <ul class="notes" aria-label="Notes list" tabindex="-1">
          ${this.notes.map(t=>y`<li>
              <c360-note-card
                .note=${t}
                .client=${this.client}
                .scopes=${this.scopes}
                .tagSuggestions=${this.tagSuggestions}
                ?canEdit=${wi(this.me,"edit",t)}
                ?canDelete=${wi(this.me,"delete",t)}
                @note-changed=${()=>{this.load()}}
                @note-deleted=${s=>{this.deleted=[...this.deleted,s.detail.note],this.notice="",this.load()}}
              ></c360-note-card>
            </li>`)}
        </ul>
        ${this.next?y`<button type="button" id="load-more" ?disabled=${this.loadingMore}
              aria-describedby="notes-shown" @click=${()=>{this.loadMore()}}>
              ${this.loadingMore?"Loading more notes…":`Load more notes (${this.total-this.notes.length} more)`}
            </button>
            <span id="notes-shown" class="hint">${this.notes.length} of ${this.total} shown</span>`:v}
      </section>
    `}renderPending(){return this.pending.length?y`<section class="status warn" aria-label="Waiting to send">
      <p>
        ${this.pending.length} note${this.pending.length===1?"":"s"} waiting for the
        gateway; kept on this device and retried automatically.
      </p>
      <ul>
        ${this.pending.map(t=>y`<li>${String(t.input.subject??"")}
          (${t.attempts} ${t.attempts===1?"retry":"retries"})</li>`)}
      </ul>
    </section>`:v}};N.styles=ce,g([x({attribute:!1})],N.prototype,"client",2),g([x()],N.prototype,"customerId",2),g([x({attribute:!1})],N.prototype,"scopes",2),g([x({attribute:!1})],N.prototype,"pending",2),g([x({attribute:!1})],N.prototype,"me",2),g([k()],N.prototype,"notes",2),g([k()],N.prototype,"customerTags",2),g([k()],N.prototype,"controlledTags",2),g([k()],N.prototype,"loading",2),g([k()],N.prototype,"failure",2),g([k()],N.prototype,"category",2),g([k()],N.prototype,"type",2),g([k()],N.prototype,"tag",2),g([k()],N.prototype,"query",2),g([k()],N.prototype,"searched",2),g([k()],N.prototype,"deleted",2),g([k()],N.prototype,"notice",2),g([k()],N.prototype,"total",2),g([k()],N.prototype,"next",2),g([k()],N.prototype,"loadingMore",2),N=g([le("c360-notes-panel")],N);var Ki=[1e3,2e3,4e3,8e3,15e3];async function Zi(i,e){try{let{data:t,errors:s}=await i.request(rn,{input:e},["createNote"]),r=t.createNote;return r.note?{kind:"saved",note:r.note}:r.errors.length?{kind:"invalid",errors:r.errors}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:s.map(o=>o.message).join("; ")||"the note was not saved"}]}}catch(t){return t instanceof Q?{kind:"auth"}:t instanceof it?{kind:"offline",reason:t.message}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:t instanceof Error?t.message:String(t)}]}}}var Ns=class{constructor(e,t,s){this.storage=e;this.client=t;this.events=s;this.flushing=!1;this.online=()=>{this.flush()}}get items(){return this.storage.pending()}start(){window.addEventListener("online",this.online),this.items.length&&this.schedule(0)}stop(){window.removeEventListener("online",this.online),window.clearTimeout(this.timer)}add(e){let t=`${Date.now().toString(36)}-${Math.random().toString(36).slice(2,8)}`;this.storage.savePending([...this.items,{key:t,input:e,queuedAt:Date.now(),attempts:0}]),this.events.changed(),this.schedule(Ki[0])}discard(e){this.storage.savePending(this.items.filter(t=>t.key!==e)),this.events.changed()}schedule(e){window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>{this.flush()},e)}async flush(){if(!this.flushing){this.flushing=!0;try{for(let e of this.items){let t=await Zi(this.client,e.input);if(t.kind==="offline"){let s=e.attempts+1;this.storage.savePending(this.items.map(r=>r.key===e.key?{...r,attempts:s}:r)),this.events.changed(),this.schedule(Ki[Math.min(s,Ki.length-1)]);return}if(t.kind==="auth"){this.events.authNeeded();return}this.storage.savePending(this.items.filter(s=>s.key!==e.key)),t.kind==="saved"?this.events.saved(t.note):this.events.rejected(e,t.errors),this.events.changed()}}finally{this.flushing=!1}}}};var tc="c360-notes";function eo(i){try{let e=localStorage.getItem(i);return e===null?null:JSON.parse(e)}catch{return null}}function to(i,e){try{return e===null?localStorage.removeItem(i):localStorage.setItem(i,JSON.stringify(e)),!0}catch{return!1}}var Ms=class{constructor(e){this.customerId=e}key(e){return`${tc}:${e}:${this.customerId}`}loadDraft(){return eo(this.key("draft"))}saveDraft(e){return to(this.key("draft"),e)}pending(){return eo(this.key("pending"))??[]}savePending(e){to(this.key("pending"),e.length?e:null)}};function sc(){let i=crypto.getRandomValues(new Uint8Array(16));return Array.from(i,e=>e.toString(16).padStart(2,"0")).join("")}function ic(i,e,t){return{idempotencyKey:sc(),customerId:i,subject:e.subject,body:e.body,category:e.category,type:e.type,scope:e.scope,importance:e.importance,pinned:e.pinned,tags:qe(e.tags),creationMs:t,followUp:e.followUp?{assigneeId:e.assigneeId,dueAt:new Date(e.dueAt).toISOString(),instructions:e.instructions||null}:null}}var oe=class extends q{constructor(){super(...arguments);this.customerId="";this.endpoint="/graphql";this.token="";this.me=null;this.tab="notes";this.status="";this.warn=!1;this.busy=!1;this.createErrors=[];this.pending=[];this.waitingForToken=!1;this.resubmit=!1;this.client=new Ut(this.endpoint,()=>this.token);this.storage=null;this.queue=null;this.blank=null;this.findAgents=async t=>{let{data:s}=await this.client.request(As,{query:t||null});return s.agents?.edges.map(r=>r.node)??[]}}connectedCallback(){super.connectedCallback(),this.init()}init(){this.queue?.stop(),this.client=new Ut(this.endpoint,()=>this.token),this.storage=new Ms(this.customerId),this.queue=new Ns(this.storage,this.client,{saved:t=>{this.say(`Saved “${t.subject}” (it was waiting for the gateway).`),this.panel?.load()},rejected:(t,s)=>this.say(`A waiting note was refused: ${s.map(r=>r.message).join(" ")}`,!0),authNeeded:()=>this.requestToken(),changed:()=>this.pending=this.queue?.items??[]}),this.pending=this.queue.items}disconnectedCallback(){super.disconnectedCallback(),this.queue?.stop()}willUpdate(t){let s=["customerId","endpoint"].some(r=>t.get(r)!==void 0);this.isConnected&&s&&(this.init(),this.me&&this.queue?.start())}updated(t){t.has("token")&&this.token&&this.start()}blankFields(t){return(this.blank?.scope!==t||this.blank.assigneeId!==this.me?.subject)&&(this.blank=ks(t,this.me?.subject??"")),this.blank}get form(){return this.renderRoot.querySelector("c360-note-form")}get panel(){return this.renderRoot.querySelector("c360-notes-panel")}say(t,s=!1){this.status=t,this.warn=s}async start(){let t=this.waitingForToken;if(this.waitingForToken=!1,!(this.me&&!t)){try{this.me=(await this.client.request(Qr,{},["me"])).data.me}catch(s){if(s instanceof Q)return this.requestToken();let r=s instanceof Error?s.message:String(s);this.say(`The notes service is unreachable (${r}); trying again…`,!0),window.setTimeout(()=>{this.start()},3e3);return}this.queue?.start(),t&&(this.say("Signed in again."),this.panel?.load(),this.resubmit&&(this.resubmit=!1,await this.updateComplete,this.form?.submit()))}}requestToken(){this.waitingForToken||(this.waitingForToken=!0,this.say("Your session has expired. Your draft is kept; waiting for a new sign-in…",!0),this.dispatchEvent(new CustomEvent("token-expired",{detail:{customerId:this.customerId},bubbles:!0,composed:!0})))}async onSubmit(t){if(this.busy||!this.queue)return;let{fields:s,creationMs:r}=t.detail,n=ic(Es(this.customerId),s,r);this.busy=!0,this.say("");let o=await Zi(this.client,n);this.busy=!1;let c=ks(s.scope,this.me?.subject??"");switch(o.kind){case"saved":this.createErrors=[],this.form?.reset(c),this.say(`Saved “${o.note.subject}”.`),this.dispatchEvent(new CustomEvent("note-saved",{detail:{note:o.note,creationMs:r},bubbles:!0,composed:!0})),this.panel?.load();return;case"invalid":this.createErrors=o.errors,this.say("The note was not saved: see the highlighted fields.",!0),this.form?.focusFirstError();return;case"offline":this.queue.add(n),this.form?.reset(c),this.say("The gateway is unreachable. Your note is kept and will be sent automatically.",!0);return;case"auth":this.resubmit=!0,this.requestToken();return}}selectTab(t,s=!1){this.tab=t,s&&this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${t}`)?.focus())}onTabKey(t){["ArrowLeft","ArrowRight","Home","End"].includes(t.key)&&(t.preventDefault(),this.selectTab(this.tab==="notes"?"activity":"notes",!0))}render(){let t=this.me?.permissions.writableScopes??[],s=(r,n)=>y`<button
      role="tab"
      id="tab-${r}"
      aria-selected=${this.tab===r?"true":"false"}
      aria-controls="panel-${r}"
      tabindex=${this.tab===r?0:-1}
      @click=${()=>this.selectTab(r)}
      @keydown=${this.onTabKey}
    >${n}</button>`;return y`
      <section class="sidebar" aria-labelledby="notes-title">
        <h2 id="notes-title">Customer notes</h2>
        <div role="status" class=${this.status?`status${this.warn?" warn":""}`:""}>${this.status}</div>
        ${this.me?this.renderTabs(s,t):y`<p class="hint">Connecting to the notes service…</p>`}
      </section>
    `}renderTabs(t,s){let r=s.includes("INTERNAL")?"INTERNAL":s[0]??"";return y`
      <div role="tablist" aria-label="Sidebar sections">
        ${t("notes","Notes")} ${t("activity","Interactions & follow-ups")}
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab!=="notes"}>
        ${s.length?yi(this.customerId,y`<c360-note-form
              .initial=${this.blankFields(r)}
              .scopes=${s}
              .storage=${this.storage}
              .serverErrors=${this.createErrors}
              .tagSuggestions=${this.panel?.tagSuggestions??[]}
              ?busy=${this.busy}
              allowFollowUp
              .findAgents=${this.findAgents}
              .knownAgents=${this.me?.agent?[this.me.agent]:[]}
              @note-submit=${this.onSubmit}
            ></c360-note-form>`):y`<p class="hint">You can read this customer's notes but not write them.</p>`}
        ${yi(this.customerId,y`<c360-notes-panel
          .client=${this.client}
          .customerId=${Es(this.customerId)}
          .scopes=${s}
          .pending=${this.pending}
          .me=${this.me}
          @auth-needed=${()=>this.requestToken()}
          @notes-loaded=${()=>this.requestUpdate()}
        ></c360-notes-panel>`)}
      </div>
      <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" ?hidden=${this.tab!=="activity"}>
        ${this.tab==="activity"?y`<c360-activity .client=${this.client} .customerId=${Es(this.customerId)}></c360-activity>`:v}
      </div>
    `}};oe.styles=ce,g([x({attribute:"customer-id"})],oe.prototype,"customerId",2),g([x()],oe.prototype,"endpoint",2),g([x({attribute:!1})],oe.prototype,"token",2),g([k()],oe.prototype,"me",2),g([k()],oe.prototype,"tab",2),g([k()],oe.prototype,"status",2),g([k()],oe.prototype,"warn",2),g([k()],oe.prototype,"busy",2),g([k()],oe.prototype,"createErrors",2),g([k()],oe.prototype,"pending",2),oe=g([le("customer-notes")],oe);
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/unsafe-html.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
lit-html/directives/keyed.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

dompurify/dist/purify.es.mjs:
  (*! @license DOMPurify 3.4.18 | (c) Cure53 and other contributors | Released under the Apache license 2.0 and Mozilla Public License 2.0 | github.com/cure53/DOMPurify/blob/3.4.18/LICENSE *)
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
